package cn.antifraud.core.conversation;

import java.util.Set;

/**
 * What a bot reply is, as the public contract names it: a page badges {@link #VERDICT} replies only, and a
 * channel may render the kinds differently (an officer's words are not the bot's).
 */
public final class ReplyKind {
    /** The bot's judgement of a checked message; the only kind that carries a risk. */
    public static final String VERDICT = "verdict";
    /** Prevention education: menus, scenarios, advice cards. */
    public static final String LESSON = "lesson";
    /** Quiz questions and drill steps with their feedback and scores. */
    public static final String QUIZ = "quiz";
    /** Report intake and case status. */
    public static final String REPORT = "report";
    /** Passing the resident to an officer: the hand-off, the queue place, urgent stop-payment steps. */
    public static final String HANDOFF = "handoff";
    /** An officer's own words. */
    public static final String OFFICER = "officer";
    /** Notices about the conversation itself: an officer joined, the conversation closed or went back to the bot. */
    public static final String SYSTEM = "system";
    /** Everything else the bot says: greetings, help, small talk. */
    public static final String CHAT = "chat";

    public static final Set<String> ALL = Set.of(VERDICT, LESSON, QUIZ, REPORT, HANDOFF, OFFICER, SYSTEM, CHAT);

    private ReplyKind() {
    }
}
