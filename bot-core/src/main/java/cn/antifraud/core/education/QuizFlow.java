package cn.antifraud.core.education;

import cn.antifraud.core.dialogue.Flow;
import cn.antifraud.core.dialogue.Turn;
import cn.antifraud.core.dialogue.TurnContext;

/**
 * 「做个防骗小测验」: starts a quiz straight away. The quiz then runs inside the education flow (its state
 * is named {@code education}), so after it the resident can go on to drills or lessons.
 */
public final class QuizFlow implements Flow {
    public static final String NAME = "quiz";

    private final EducationFlow education;

    public QuizFlow(EducationFlow education) {
        this.education = education;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Turn start(TurnContext ctx) {
        return education.startQuiz(ctx);
    }

    @Override
    public Turn next(TurnContext ctx) {
        return education.next(ctx);
    }
}
