package cn.antifraud.channels.http;

import io.vertx.ext.web.Router;

/**
 * An HTTP edge (web chat, WeChat, Twilio SMS or voice, console, operations). It translates requests into
 * calls on bot-core and renders the answers; no business rule lives here. Registered in one list in the
 * launcher.
 */
public interface HttpChannel {
    void mount(Router router);
}
