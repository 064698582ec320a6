package cn.antifraud.core.officer;

/** A successful login: the cookie value (shown once, to the browser) and the stored session. */
public record Login(String cookie, OfficerSession session) {
}
