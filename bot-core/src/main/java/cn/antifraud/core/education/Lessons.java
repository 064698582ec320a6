package cn.antifraud.core.education;

import cn.antifraud.core.dialogue.Turn;
import cn.antifraud.kb.Audience;
import cn.antifraud.kb.ScamType;
import io.vertx.core.json.JsonObject;

/** The reading parts of education: menus, a type's overview, the scenario step by step, the advice card. */
final class Lessons {
    private final EducationContent content;

    Lessons(EducationContent content) {
        this.content = content;
    }

    Turn mainMenu(Turn turn, JsonObject state, String lead) {
        return new Choices().add("按骗局类型学", "types").add("按人群学", "audiences").add("做个防骗小测验", "quizmix")
            .add("订阅防骗提醒", "tips").add(Choices.EXIT_LABEL, "exit")
            .ask(turn, state, lead + "您想怎么学？可以按骗局类型学，也可以看看和您身份最相关的内容。"
                + "每一类骗局都有：骗局是怎么一步步展开的、防范要点、小测验，还有我扮演骗子陪您练习的“实战演练”。");
    }

    Turn typeList(Turn turn, JsonObject state) {
        Choices c = new Choices();
        for (ScamType t : content.types()) {
            c.add(t.name(), "type:" + t.id());
        }
        return c.add("返回", "menu").ask(turn, state, "请选一类骗局：");
    }

    Turn audienceList(Turn turn, JsonObject state) {
        Choices c = new Choices();
        for (Audience a : content.audiences()) {
            c.add(a.name(), "audience:" + a.id());
        }
        return c.add("返回", "menu").ask(turn, state, "您是哪一类人群？我挑最常找上您的骗局来讲：");
    }

    Turn audience(Turn turn, JsonObject state, Audience a) {
        StringBuilder sb = new StringBuilder("【").append(a.name()).append("】").append(a.intro()).append("\n\n请记住：");
        int n = 1;
        for (String tip : a.tips()) {
            sb.append('\n').append(n++).append(". ").append(tip);
        }
        turn.add(sb.toString());
        Choices c = new Choices();
        for (String id : a.types()) {
            c.add(content.type(id).name(), "type:" + id);
        }
        return c.add("返回", "menu").ask(turn, state, "最常找上" + a.name() + "的骗局有这些，想先了解哪一类？");
    }

    Turn type(Turn turn, JsonObject state, ScamType t, String lead) {
        return typeOptions(t).ask(turn, state, lead + "「" + t.name() + "」：" + t.summary() + "\n\n您想怎么学？");
    }

    static Choices typeOptions(ScamType t) {
        return new Choices().add("看骗局全过程", "script:" + t.id() + ":0").add("防范要点", "advice:" + t.id())
            .add("小测验", "quiz:" + t.id()).add("实战演练", "drill:" + t.id()).add("换一类", "types")
            .add(Choices.EXIT_LABEL, "exit");
    }

    /** One step of the scenario: what the scammer says, the red flags, what to do. */
    Turn scriptStep(Turn turn, JsonObject state, ScamType t, int index) {
        ScamType.ScriptStep s = t.script().get(index);
        ScamType.Choice right = s.choices().stream().filter(ScamType.Choice::correct).findFirst().orElseThrow();
        String text = "「" + t.name() + "」第" + (index + 1) + "步（共" + t.script().size() + "步）·"
            + EducationContent.stageName(s.stage()) + (s.title().isEmpty() ? "" : "：" + s.title())
            + "\n\n骗子会这样说：\n“" + s.scammer() + "”"
            + "\n\n危险信号：\n· " + String.join("\n· ", s.redFlags())
            + "\n\n这时候应该：" + right.text() + "\n" + right.feedback();
        if (index + 1 < t.script().size()) {
            return new Choices().add("下一步", "script:" + t.id() + ":" + (index + 1)).add("实战演练", "drill:" + t.id())
                .add("返回", "type:" + t.id()).add(Choices.EXIT_LABEL, "exit").ask(turn, state, text);
        }
        turn.add(text);
        return new Choices().add("实战演练", "drill:" + t.id()).add("小测验", "quiz:" + t.id())
            .add("防范要点", "advice:" + t.id()).add("换一类", "types").add(Choices.EXIT_LABEL, "exit")
            .ask(turn, state, "这就是「" + t.name() + "」的全过程。要不要我扮演骗子，陪您练一练？");
    }

    Turn advice(Turn turn, JsonObject state, ScamType t) {
        StringBuilder sb = new StringBuilder("【防范要点·").append(t.name()).append("】");
        int n = 1;
        for (String a : t.advice()) {
            sb.append('\n').append(n++).append(". ").append(a);
        }
        sb.append("\n\n常见说法：").append(String.join("、", t.signals().subList(0, Math.min(8, t.signals().size()))));
        sb.append("\n如果已经转了钱，请马上拨打110或96110，并联系银行冻结。");
        turn.add(sb.toString());
        return new Choices().add("小测验", "quiz:" + t.id()).add("实战演练", "drill:" + t.id())
            .add("看骗局全过程", "script:" + t.id() + ":0").add("换一类", "types").add(Choices.EXIT_LABEL, "exit")
            .ask(turn, state, "记住这几条，能躲开大部分「" + t.name() + "」骗局。接下来想做什么？");
    }
}
