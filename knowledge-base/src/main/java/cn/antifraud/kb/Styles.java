package cn.antifraud.kb;

import java.util.Set;

/**
 * The writing styles a corpus line can be tagged with (third TSV column). Evaluation leaves one style out of
 * training and scores on it, which shows whether the model learned fraud or only the way the team writes.
 */
public final class Styles {
    /** A line written before styles were tagged, or a sample made in memory. */
    public static final String UNTAGGED = "untagged";

    /**
     * sms: a text message as received; chat: one instant-messaging message; call_script: what a caller says on
     * the phone; victim_first_person: a victim telling what happened ("我..."); police_record: a victim's account
     * as an officer writes it down, in the third person ("事主/报警人..."); formal_notice: an official-looking
     * notice or letter; assistant_style: polite, long, assistant-like register ("您好！我是..."); placeholder_template:
     * a script with placeholders (XX, xxx, DIGIT, NAME, PHONE, URL, 某某, ***); chat_log: a pasted conversation of
     * 2-4 speakers. The fourth held-out file's writer chose styles of its own, used by no corpus line so far:
     * forum_post (a resident asking a forum or group), asr_transcript (a call as speech recognition writes it down),
     * slang_short, screenshot_ocr, official_real (real or forged notices with short codes), third_party_story (what
     * happened to someone else) and long_script. The fifth file's writer, too: wechat_moments (a friend-circle post),
     * email, elderly_retelling (an older person retelling a call to a grandchild), bilingual_mixed (Chinese with
     * English words), voice_note (a transcribed voice message), group_announcement and question_to_bot (a resident
     * asking whether a quoted message is real). The seventh file's five imitate forwarded real traffic: llm_script (a
     * scam or notice as a chatbot writes an example, with placeholders), masked_sms (an SMS as public datasets show it,
     * digits masked as x), pasted_chat, case_statement (a police record, third person) and plain_ask (a short, plain line).
     * The eighth file's five: evasion_spelling (homophones, pinyin initials and symbols that dodge keyword filters, or
     * innocent internet slang), hotline_dialogue (a call to 96110 or 110, both speakers), news_digest (an article,
     * news brief or post; a warning that quotes a scam is ordinary), comment_dm (comments and private messages on
     * video, shopping and second-hand platforms) and app_push (an app's push or system message, real or imitated).
     * The ninth file's five: dialect_colloquial (written dialect and regional speech), work_im (workplace messages on
     * 钉钉, 飞书, 企业微信), forwarded_with_question (a pasted message with the resident's own question around it),
     * complaint_letter (a written complaint or report, first person; an ordinary one is a consumer dispute) and
     * overseas_crossborder (Chinese abroad, remittances, consulates, 代购).
     */
    public static final Set<String> ALL = Set.of("sms", "chat", "call_script", "victim_first_person",
        "police_record", "formal_notice", "assistant_style", "placeholder_template", "chat_log", "forum_post",
        "asr_transcript", "slang_short", "screenshot_ocr", "official_real", "third_party_story", "long_script",
        "wechat_moments", "email", "elderly_retelling", "bilingual_mixed", "voice_note", "group_announcement",
        "question_to_bot", "llm_script", "masked_sms", "pasted_chat", "case_statement", "plain_ask",
        "evasion_spelling", "hotline_dialogue", "news_digest", "comment_dm", "app_push",
        "dialect_colloquial", "work_im", "forwarded_with_question", "complaint_letter", "overseas_crossborder");

    private Styles() {
    }
}
