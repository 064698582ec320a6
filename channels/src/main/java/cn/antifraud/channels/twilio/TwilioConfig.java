package cn.antifraud.channels.twilio;

/** Twilio account, webhook signing token, sender number, REST base URL and the officer's phone for transfers. */
public record TwilioConfig(String accountSid, String authToken, String fromNumber, String apiBaseUrl, String officerPhone) {
    public static final String DEFAULT_API = "https://api.twilio.com";

    public TwilioConfig {
        if (accountSid != null && !accountSid.matches("AC[0-9a-fA-F]{32}")) {
            throw new IllegalArgumentException("TWILIO_ACCOUNT_SID must be 'AC' followed by 32 hex digits");
        }
        if (authToken != null && authToken.isBlank()) {
            throw new IllegalArgumentException("TWILIO_AUTH_TOKEN must not be blank");
        }
        if (fromNumber != null && !fromNumber.matches("\\+[1-9]\\d{6,14}")) {
            throw new IllegalArgumentException("TWILIO_FROM_NUMBER must be an E.164 number such as +8613800138000");
        }
        if (officerPhone != null && !officerPhone.matches("\\+?[0-9]{3,15}")) {
            throw new IllegalArgumentException("OFFICER_PHONE must be a phone number such as +8610110 or 110");
        }
        if (apiBaseUrl == null) {
            apiBaseUrl = DEFAULT_API;
        } else if (!apiBaseUrl.matches("https?://[^\\s]+")) {
            throw new IllegalArgumentException("TWILIO_API_BASE_URL must be an http(s) URL");
        }
    }

    /** With a token, every webhook must carry a valid X-Twilio-Signature. */
    public boolean verifiesSignatures() {
        return authToken != null;
    }

    public boolean canSend() {
        return accountSid != null && authToken != null && fromNumber != null;
    }
}
