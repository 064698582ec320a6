package cn.antifraud.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.antifraud.core.analysis.AnalysisPipeline;
import cn.antifraud.core.analysis.Analyzer;
import cn.antifraud.core.analysis.KnownIndicators;
import cn.antifraud.kb.KnowledgeBase;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClassifyCommandTest {
    static Analyzer analyzer;

    @BeforeAll
    static void build() {
        analyzer = AnalysisPipeline.analyzer(KnowledgeBase.load(), Path.of("target", "model-cache"), KnownIndicators.NONE);
    }

    private record Run(List<String> lines, String err) {
    }

    private static Run run(byte[] input, int progressEvery) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ClassifyCommand.classify(analyzer, new ByteArrayInputStream(input), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), progressEvery);
        String text = out.toString(StandardCharsets.UTF_8);
        return new Run(text.isEmpty() ? List.of() : List.of(text.split("\n", -1)).subList(0, text.split("\n", -1).length - 1),
            err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyInputLineGivesExactlyOneJsonLineInOrderWithErrorsForBadLines() throws Exception {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.write("您好，我是公安局的，你涉嫌洗钱，请把钱转到安全账户\n".getBytes(StandardCharsets.UTF_8));
        in.write("\n".getBytes(StandardCharsets.UTF_8));
        in.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n'});
        in.write("明天下午开家长会，记得准时参加\r\n".getBytes(StandardCharsets.UTF_8));
        in.write("没有结尾换行的最后一行 13812345678".getBytes(StandardCharsets.UTF_8));
        Run run = run(in.toByteArray(), 5000);

        assertEquals(5, run.lines().size(), run.lines().toString());
        JsonObject first = new JsonObject(run.lines().get(0));
        assertEquals("impersonate_police", first.getString("scamType"));
        assertEquals("empty_text", new JsonObject(run.lines().get(1)).getJsonObject("error").getString("code"));
        assertEquals("invalid_encoding", new JsonObject(run.lines().get(2)).getJsonObject("error").getString("code"));
        assertEquals("none", new JsonObject(run.lines().get(3)).getString("scamType"));
        assertEquals("13812345678", new JsonObject(run.lines().get(4)).getJsonArray("indicators").getJsonObject(0).getString("value"));
        assertTrue(run.err().contains("classified 5 lines"), run.err());
    }

    @Test
    void progressGoesToStandardErrorOnlyForLargeInputs() throws Exception {
        byte[] input = "请加微信领取补贴\n".repeat(25).getBytes(StandardCharsets.UTF_8);
        Run run = run(input, 10);
        assertEquals(25, run.lines().size());
        assertTrue(run.err().contains("classified 10 lines"), run.err());
        assertTrue(run.err().contains("classified 20 lines"), run.err());
        for (String line : run.lines()) {
            assertFalse(new JsonObject(line).containsKey("error"), line);
        }
    }

    @Test
    void emptyInputGivesNoOutput() throws Exception {
        assertEquals(List.of(), run(new byte[0], 10).lines());
    }
}
