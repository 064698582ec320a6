package cn.antifraud.core.education;

import cn.antifraud.core.conversation.ReplyKind;
import cn.antifraud.core.dialogue.Turn;
import cn.antifraud.kb.ScamType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Quizzes and drills. A quiz asks knowledge-base questions; a drill plays the scammer's lines step by step
 * and the resident picks a response. Each answer gets feedback at once; the end shows the score and offers
 * the weakest topics next. Progress lives in the flow state under {@code practice}; per-type scores of the
 * whole session under {@code results}.
 */
final class Practice {
    static final String QUIZ = "quiz";
    static final String DRILL = "drill";

    private final EducationContent content;

    Practice(EducationContent content) {
        this.content = content;
    }

    /** A quiz over the given questions: each item is [typeId, questionIndex]. */
    Turn startQuiz(Turn turn, JsonObject state, JsonArray items, String intro) {
        state.put("practice", new JsonObject().put("kind", QUIZ).put("items", items).put("pos", 0).put("right", 0)
            .put("missed", new JsonArray()));
        turn.kind(ReplyKind.QUIZ).add(intro + "一共" + items.size() + "题，每题从选项里选一个答案，随时说「退出」就结束。");
        return ask(turn, state);
    }

    Turn startDrill(Turn turn, JsonObject state, ScamType t) {
        JsonArray items = new JsonArray();
        for (int i = 0; i < t.script().size(); i++) {
            items.add(new JsonArray().add(t.id()).add(i));
        }
        state.put("practice", new JsonObject().put("kind", DRILL).put("items", items).put("pos", 0).put("right", 0)
            .put("missed", new JsonArray()));
        turn.kind(ReplyKind.QUIZ).add("实战演练「" + t.name() + "」：接下来我扮演骗子，一步步说骗子常说的话，您来选怎么回应，"
            + "每一步我都会告诉您对不对。随时回复「退出」结束。");
        return ask(turn, state);
    }

    boolean active(JsonObject state) {
        return state.getJsonObject("practice") != null;
    }

    /** The resident picked option {@code choice} (0-based) of the current question or step. */
    Turn answer(Turn turn, JsonObject state, int choice) {
        JsonObject p = state.getJsonObject("practice");
        JsonArray item = p.getJsonArray("items").getJsonArray(p.getInteger("pos"));
        ScamType t = content.type(item.getString(0));
        boolean right;
        String feedback;
        if (p.getString("kind").equals(QUIZ)) {
            ScamType.QuizQuestion q = t.quiz().get(item.getInteger(1));
            right = choice == q.answer();
            feedback = (right ? "✅ 答对了！" : "❌ 不对，正确答案是「" + q.options().get(q.answer()) + "」。") + q.explanation();
        } else {
            ScamType.ScriptStep s = t.script().get(item.getInteger(1));
            ScamType.Choice c = s.choices().get(choice);
            ScamType.Choice best = s.choices().stream().filter(ScamType.Choice::correct).findFirst().orElseThrow();
            right = c.correct();
            feedback = (right ? "✅ 应对得好！" : "❌ 这样做有风险。") + c.feedback()
                + (right ? "" : "\n更稳妥的做法是：" + best.text())
                + "\n这一步的危险信号：" + String.join("；", s.redFlags()) + "。";
        }
        p.put("right", p.getInteger("right") + (right ? 1 : 0));
        if (!right) {
            p.getJsonArray("missed").add(p.getInteger("pos"));
        }
        record(state, t.id(), right);
        p.put("pos", p.getInteger("pos") + 1);
        turn.kind(ReplyKind.QUIZ).add(feedback);
        return p.getInteger("pos") < p.getJsonArray("items").size() ? ask(turn, state) : finish(turn, state);
    }

    private Turn ask(Turn turn, JsonObject state) {
        JsonObject p = state.getJsonObject("practice");
        int pos = p.getInteger("pos");
        int total = p.getJsonArray("items").size();
        JsonArray item = p.getJsonArray("items").getJsonArray(pos);
        ScamType t = content.type(item.getString(0));
        Choices c = new Choices();
        String text;
        if (p.getString("kind").equals(QUIZ)) {
            ScamType.QuizQuestion q = t.quiz().get(item.getInteger(1));
            q.options().forEach(o -> c.add(o, "answer:" + c.size()));
            text = "第" + (pos + 1) + "题（共" + total + "题）：" + q.question();
        } else {
            ScamType.ScriptStep s = t.script().get(item.getInteger(1));
            s.choices().forEach(ch -> c.add(ch.text(), "answer:" + c.size()));
            text = "第" + (pos + 1) + "步（共" + total + "步）·" + EducationContent.stageName(s.stage())
                + "\n骗子：“" + s.scammer() + "”\n\n您会怎么回应？";
        }
        return c.ask(turn, state, text);
    }

    private Turn finish(Turn turn, JsonObject state) {
        JsonObject p = state.remove("practice") instanceof JsonObject o ? o : new JsonObject();
        boolean quiz = p.getString("kind").equals(QUIZ);
        int right = p.getInteger("right");
        int total = p.getJsonArray("items").size();
        StringBuilder sb = new StringBuilder(quiz ? "测验结束：" : "演练结束：").append("您")
            .append(quiz ? "答对了 " : "应对正确 ").append(right).append(" / ").append(total).append(quiz ? " 题。" : " 步。");
        sb.append(right == total ? "全部正确，真棒！把这些要点也讲给家里人听听。" : right * 2 >= total
            ? "不错，还有几处要多留心。" : "别灰心，骗子的话术确实迷惑人，多练几次就熟了。");
        Set<String> weakTypes = new LinkedHashSet<>();
        List<String> weakStages = new ArrayList<>();
        for (Object m : p.getJsonArray("missed")) {
            JsonArray item = p.getJsonArray("items").getJsonArray((Integer) m);
            weakTypes.add(item.getString(0));
            if (!quiz) {
                ScamType.ScriptStep s = content.type(item.getString(0)).script().get(item.getInteger(1));
                weakStages.add(EducationContent.stageName(s.stage()) + "（" + String.join("、", s.redFlags()) + "）");
            }
        }
        if (!weakStages.isEmpty()) {
            sb.append("\n\n要多留心的环节：\n· ").append(String.join("\n· ", weakStages));
        }
        turn.add(sb.toString());
        Choices next = new Choices();
        String first = p.getJsonArray("items").getJsonArray(0).getString(0);
        for (String id : weakTypes) {
            if (next.size() < 3) {
                next.add((quiz ? "复习：" : "再练一次：") + content.type(id).name(), (quiz ? "type:" : "drill:") + id);
            }
        }
        if (!quiz) {
            next.add("小测验：" + content.type(first).name(), "quiz:" + first);
        }
        String fresh = untried(state);
        if (fresh != null) {
            next.add("练下一类：" + content.type(fresh).name(), "drill:" + fresh);
        }
        return next.add("换一类", "types").add(Choices.EXIT_LABEL, "exit").ask(turn, state,
            weakTypes.isEmpty() ? "接下来想练点什么？" : "建议先把没答好的地方再看一看：");
    }

    private static void record(JsonObject state, String typeId, boolean right) {
        JsonObject results = state.getJsonObject("results");
        if (results == null) {
            results = new JsonObject();
            state.put("results", results);
        }
        JsonArray r = results.getJsonArray(typeId, new JsonArray().add(0).add(0));
        results.put(typeId, new JsonArray().add(r.getInteger(0) + (right ? 1 : 0)).add(r.getInteger(1) + 1));
    }

    /** The first type (in taxonomy order) the resident has not practised in this session. */
    private String untried(JsonObject state) {
        JsonObject results = state.getJsonObject("results", new JsonObject());
        return content.types().stream().map(ScamType::id).filter(id -> !results.containsKey(id)).findFirst().orElse(null);
    }
}
