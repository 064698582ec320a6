package cn.antifraud.kb;

import java.util.List;

/** One scam type's teaching content: summary, telltale signals, advice, the scenario script and quiz. */
public record ScamType(String id, String name, String summary, List<String> signals, List<String> advice,
                       List<String> audiences, List<ScriptStep> script, List<QuizQuestion> quiz) {

    /** One step of how the scam unfolds, with the resident's possible responses for drills. */
    public record ScriptStep(String stage, String title, String scammer, List<String> redFlags, List<Choice> choices) {
    }

    /** A response the resident may choose in a drill step. */
    public record Choice(String text, boolean correct, String feedback) {
    }

    /** A multiple-choice question; {@code answer} is the 0-based index of the right option. */
    public record QuizQuestion(String question, List<String> options, int answer, String explanation) {
    }
}
