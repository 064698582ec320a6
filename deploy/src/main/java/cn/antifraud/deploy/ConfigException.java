package cn.antifraud.deploy;

/** A setting is present but invalid; the message is one line naming the setting and what it accepts. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
