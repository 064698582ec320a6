package cn.antifraud.core.conversation;

import cn.antifraud.core.analysis.Analysis;
import java.util.List;

/** The outcome of one inbound message: the conversation after it, the bot's replies and the analysis. */
public record TurnResult(String address, Conversation conversation, List<Reply> replies, Analysis analysis,
                         String caseNo, boolean duplicate) {
}
