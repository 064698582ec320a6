package cn.antifraud.deploy;

import cn.antifraud.core.analysis.AnalysisPipeline;
import cn.antifraud.core.analysis.Analyzer;
import cn.antifraud.kb.KnowledgeBase;
import io.vertx.core.json.JsonObject;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/** {@code classify}: one message per input line, exactly one JSON object per output line, in order. */
final class ClassifyCommand {
    static final int PROGRESS_EVERY = 5000;
    private ClassifyCommand() {
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) throws IOException {
        if (Arrays.asList(args).contains("--help")) {
            out.println("usage: java -jar antifraud.jar classify < messages.txt > analyses.jsonl\n"
                + "Reads UTF-8 messages, one per line, and writes one JSON object per line: the analysis, or\n"
                + "{\"error\":{\"code\",\"message\"}} for a line it cannot take. Progress goes to standard error.");
            return 0;
        }
        AppConfig config = AppConfig.fromEnvironment(System.getenv());
        KnowledgeBase kb = KnowledgeBase.load();
        Path modelDir = config.modelCache();
        Analyzer analyzer = AnalysisPipeline.analyzer(kb, modelDir, new SeedOnlyIndicators(kb));
        classify(analyzer, in, out, err, PROGRESS_EVERY);
        return 0;
    }

    /** Classifies every line of {@code in}; reports progress on {@code err} every {@code progressEvery} lines. */
    static void classify(Analyzer analyzer, InputStream in, PrintStream out, PrintStream err, int progressEvery) throws IOException {
        PrintStream utf8Out = new PrintStream(out, false, StandardCharsets.UTF_8);
        long count = 0;
        long start = System.nanoTime();
        BufferedInputStream input = new BufferedInputStream(in);
        byte[] line;
        while ((line = readLine(input)) != null) {
            utf8Out.println(classifyLine(analyzer, line).encode());
            count++;
            if (count % progressEvery == 0) {
                err.printf("classified %d lines (%.0f/s)%n", count, count / ((System.nanoTime() - start) / 1e9));
                utf8Out.flush();
            }
        }
        utf8Out.flush();
        err.printf("classified %d lines in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
    }

    static JsonObject classifyLine(Analyzer analyzer, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return error("invalid_encoding", "line is not valid UTF-8");
        }
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isBlank()) {
            return error("empty_text", "line is empty");
        }
        return analyzer.analyze(text).toJson();
    }

    private static JsonObject error(String code, String message) {
        return new JsonObject().put("error", new JsonObject().put("code", code).put("message", message));
    }

    /** Reads one line's bytes (without the newline); null at end of input. */
    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(128);
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            if (b == '\n') {
                return buf.toByteArray();
            }
            buf.write(b);
        }
        return any ? buf.toByteArray() : null;
    }

}
