package cn.antifraud.channels.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import java.util.List;
import org.junit.jupiter.api.Test;

class RebasedHttpClientTest {
    @Test
    void aRequestTheSdkBuiltForTwilioGoesToTheSamePathUnderTheConfiguredBaseUrl() {
        Request original = new Request(HttpMethod.POST, "api", "/2010-04-01/Accounts/AC1/Messages.json");
        original.addPostParam("To", "+8613800138000");
        original.addPostParam("Body", "您好");
        original.setAuth("AC1", "token");
        Request rebased = new RebasedHttpClient("http://localhost:4010/").rebase(original);
        assertEquals("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json", original.getUrl());
        assertEquals("http://localhost:4010/2010-04-01/Accounts/AC1/Messages.json", rebased.constructURL().toString());
        assertEquals(List.of("+8613800138000"), rebased.getPostParams().get("To"));
        assertEquals(original.getAuthString(), rebased.getAuthString());
    }
}
