package cn.antifraud.kb;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The knowledge base as loaded from the classpath under {@code kb/}: taxonomy, per-type content, training
 * corpus, held-out evaluation text, signal phrases, fraud dictionary and seed indicators. Loading validates
 * everything and fails with the file and line of the first problem.
 */
public final class KnowledgeBase {
    public static final String NONE = "none";
    public static final String VERIFY_INTENT = "verify";
    public static final int MIN_SAMPLES_PER_TYPE = 150;
    public static final int MIN_NONE_SAMPLES = 600;
    public static final int MIN_QUIZ_QUESTIONS = 3;
    /**
     * The held-out files written by people who had not read the corpus (see {@link #blindHeldOut()}), in the order
     * they were written: 2 from the style list and the taxonomy; 3 the same way by two other writers who had
     * read neither the corpus nor file 2; 4 and 5 each by a writer who read only the taxonomy, in styles of its own
     * choosing ({@link Styles#ALL}); 6 by two writers who read only the taxonomy and a brief of the corpus styles; 7 by two
     * writers who read only the taxonomy and a brief of five styles imitating forwarded real traffic; 8 the same way, in
     * five styles no earlier file used.
     */
    private static final List<String> BLIND_FILES = List.of("kb/heldout/heldout2.tsv", "kb/heldout/heldout3.tsv",
        "kb/heldout/heldout4.tsv", "kb/heldout/heldout5.tsv", "kb/heldout/heldout6.tsv", "kb/heldout/heldout7.tsv",
        "kb/heldout/heldout8.tsv", "kb/heldout/heldout9.tsv");
    public static final List<String> INTENTS = List.of("greeting", "thanks_bye", "report_fraud", "money_sent",
        "ask_officer", "ask_prevention", "quiz", "case_status", "out_of_scope");

    private final Map<String, String> taxonomy;
    private final Map<String, ScamType> types;
    private final List<Audience> audiences;
    private final Map<String, List<String>> signals;
    private final List<String> dictionary;
    private final List<SeedIndicator> seedIndicators;
    private final List<LabeledText> corpus;
    private final List<LabeledText> intents;
    private final List<LabeledText> heldout;
    private final List<LabeledText> heldoutIntents;
    private final Map<String, String> folds;
    private final List<HeldOutFile> blindHeldOut;
    private final Map<String, List<String>> cues;
    private final Slang slang;

    private KnowledgeBase(Map<String, String> taxonomy, Map<String, ScamType> types, List<Audience> audiences,
                          Map<String, List<String>> signals, List<String> dictionary, List<SeedIndicator> seeds,
                          List<LabeledText> corpus, List<LabeledText> intents, List<LabeledText> heldout,
                          List<LabeledText> heldoutIntents, Map<String, String> folds, List<HeldOutFile> blindHeldOut,
                          Map<String, List<String>> cues, Slang slang) {
        this.folds = folds;
        this.slang = slang;
        this.blindHeldOut = blindHeldOut;
        this.cues = cues;
        this.taxonomy = taxonomy;
        this.types = types;
        this.audiences = audiences;
        this.signals = signals;
        this.dictionary = dictionary;
        this.seedIndicators = seeds;
        this.corpus = corpus;
        this.intents = intents;
        this.heldout = heldout;
        this.heldoutIntents = heldoutIntents;
    }

    /** Loads and validates the knowledge base shipped on the classpath. */
    public static KnowledgeBase load() {
        Map<String, String> taxonomy = new LinkedHashMap<>();
        for (TsvReader.Row row : TsvReader.read("kb/taxonomy.tsv", 2, 2)) {
            taxonomy.put(row.columns()[0], row.columns()[1]);
        }
        Map<String, ScamType> types = new LinkedHashMap<>();
        for (String id : taxonomy.keySet()) {
            types.put(id, ScamTypeParser.parse("kb/types/" + id + ".json", id));
        }
        Set<String> labels = new HashSet<>(taxonomy.keySet());
        labels.add(NONE);
        List<LabeledText> corpus = new ArrayList<>();
        for (String label : labels.stream().sorted().toList()) {
            List<LabeledText> samples = readLabeled("kb/corpus/" + label + ".tsv", Set.of(label));
            int min = label.equals(NONE) ? MIN_NONE_SAMPLES : MIN_SAMPLES_PER_TYPE;
            if (samples.size() < min) {
                throw new KnowledgeBaseException("kb/corpus/" + label + ".tsv: " + samples.size()
                    + " samples, at least " + min + " are needed");
            }
            corpus.addAll(samples);
        }
        Set<String> intentLabels = new HashSet<>(INTENTS);
        List<LabeledText> intents = readLabeled("kb/corpus/intents.tsv", intentLabels);
        List<LabeledText> heldout = readLabeled("kb/heldout/heldout.tsv", labels);
        List<LabeledText> heldoutIntents = readLabeled("kb/heldout/intents.tsv", intentLabels);
        // written by people who never read the corpus; each optional so a knowledge base without them still loads
        List<HeldOutFile> blindHeldOut = new ArrayList<>();
        for (int i = 0; i < BLIND_FILES.size(); i++) {
            String resource = BLIND_FILES.get(i);
            if (KnowledgeBase.class.getClassLoader().getResource(resource) != null) {
                blindHeldOut.add(new HeldOutFile("held-out file " + (i + 2), resource, List.copyOf(readLabeled(resource, labels))));
            }
        }
        Map<String, List<String>> cues = new LinkedHashMap<>();
        for (TsvReader.Row row : TsvReader.read("kb/cues.tsv", 2, 2)) {
            cues.computeIfAbsent(row.columns()[0], k -> new ArrayList<>()).add(row.columns()[1]);
        }
        Map<String, List<String>> signals = new LinkedHashMap<>();
        for (TsvReader.Row row : TsvReader.read("kb/signals.tsv", 2, 2)) {
            signals.computeIfAbsent(row.columns()[0], k -> new ArrayList<>()).add(row.columns()[1]);
        }
        List<String> dictionary = new ArrayList<>();
        for (TsvReader.Row row : TsvReader.read("kb/fraud_dict.txt", 1, 1)) {
            dictionary.add(row.columns()[0].split("\\s+")[0]);
        }
        List<SeedIndicator> seeds = new ArrayList<>();
        for (TsvReader.Row row : TsvReader.read("kb/known_indicators.tsv", 3, 4)) {
            String[] c = row.columns();
            if (!taxonomy.containsKey(c[2])) {
                throw new KnowledgeBaseException("kb/known_indicators.tsv:" + row.line() + ": unknown scam type '" + c[2] + "'");
            }
            seeds.add(new SeedIndicator(c[0], c[1], c[2], c.length > 3 ? c[3] : ""));
        }
        Map<String, String> folds = new LinkedHashMap<>();
        for (TsvReader.Row row : TsvReader.read("kb/folds.tsv", 2, 2)) {
            folds.put(row.columns()[0], row.columns()[1]);
        }
        List<Audience> audiences = AudienceParser.parse("kb/audiences.json", taxonomy.keySet());
        return new KnowledgeBase(Collections.unmodifiableMap(taxonomy), Collections.unmodifiableMap(types),
            List.copyOf(audiences), Collections.unmodifiableMap(signals), List.copyOf(dictionary), List.copyOf(seeds),
            List.copyOf(corpus), List.copyOf(intents), List.copyOf(heldout), List.copyOf(heldoutIntents),
            Collections.unmodifiableMap(folds), List.copyOf(blindHeldOut), Collections.unmodifiableMap(cues),
            Slang.load("kb/slang.tsv"));
    }

    /** Reads a {@code label<TAB>text} file, rejecting labels outside {@code allowed} with file and line. */
    public static List<LabeledText> readLabeled(String resource, Set<String> allowed) {
        List<LabeledText> out = new ArrayList<>();
        for (TsvReader.Row row : TsvReader.read(resource, 2, 3)) {
            String label = row.columns()[0];
            if (!allowed.contains(label)) {
                throw new KnowledgeBaseException(resource + ":" + row.line() + ": unknown label '" + label + "'");
            }
            String style = row.columns().length > 2 && !row.columns()[2].isEmpty() ? row.columns()[2] : Styles.UNTAGGED;
            if (!style.equals(Styles.UNTAGGED) && !Styles.ALL.contains(style)) {
                throw new KnowledgeBaseException(resource + ":" + row.line() + ": unknown style '" + style
                    + "' (one of " + new TreeSet<>(Styles.ALL) + ")");
            }
            // A pasted conversation keeps its line breaks, written as a literal \n in the one-line TSV cell.
            String text = row.columns()[1].replace("\\n", "\n");
            out.add(new LabeledText(label, text, style, resource, row.line()));
        }
        return out;
    }

    /**
     * Validates one scam type's content given as JSON (a supervisor's edited copy); {@code where} names it in
     * errors, and {@code text}, when not null, is the JSON text it was decoded from (for line numbers).
     */
    public static ScamType parseType(JsonObject json, String where, String text) {
        JsonLines lines = text == null ? JsonLines.NONE : JsonLines.index(where, text);
        return ScamTypeParser.parse(json, new ScamTypeParser.Src(where, lines));
    }

    /** Validates one scam type given as JSON text; syntax and content errors name {@code where} and the line. */
    public static ScamType parseType(String text, String where) {
        JsonLines lines = JsonLines.index(where, text);
        return ScamTypeParser.parse(decodeObject(where, text), new ScamTypeParser.Src(where, lines));
    }

    static JsonObject decodeObject(String resource, String text) {
        try {
            return new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            throw new KnowledgeBaseException(resource + ": invalid JSON: " + e.getMessage(), e);
        }
    }

    static JsonArray decodeArray(String resource, String text) {
        try {
            return new JsonArray(text);
        } catch (DecodeException | ClassCastException e) {
            throw new KnowledgeBaseException(resource + ": invalid JSON: " + e.getMessage(), e);
        }
    }

    static String readText(String resource) {
        try (InputStream in = KnowledgeBase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new KnowledgeBaseException(resource + ": file not found");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KnowledgeBaseException(resource + ": cannot read: " + e.getMessage(), e);
        }
    }

    public Map<String, String> taxonomy() {
        return taxonomy;
    }

    public List<String> scamTypeIds() {
        return List.copyOf(taxonomy.keySet());
    }

    public ScamType type(String id) {
        return types.get(id);
    }

    public Map<String, ScamType> types() {
        return types;
    }

    public List<Audience> audiences() {
        return audiences;
    }

    public Map<String, List<String>> signals() {
        return signals;
    }

    public List<String> dictionary() {
        return dictionary;
    }

    /** Look-alike words and what they imitate (薇信 -> 微信). */
    public Map<String, String> folds() {
        return folds;
    }

    /** Pinyin spellings, abbreviations and symbols standing for scam words (网dai, yhk, 🐧). */
    public Slang slang() {
        return slang;
    }

    public List<SeedIndicator> seedIndicators() {
        return seedIndicators;
    }

    /** Scam-type and {@code none} training samples. */
    public List<LabeledText> corpus() {
        return corpus;
    }

    /** Dialogue-intent training samples. */
    public List<LabeledText> intents() {
        return intents;
    }

    /** Held-out scam-type text: never used for training. */
    public List<LabeledText> heldout() {
        return heldout;
    }

    /** Held-out intent text: never used for training. */
    public List<LabeledText> heldoutIntents() {
        return heldoutIntents;
    }

    /**
     * The held-out files written by people who had not read the corpus, each never trained on and kept out of every
     * tuning decision made before its first score (the first line of each file says when and how it was written);
     * a file not shipped is left out.
     */
    public List<HeldOutFile> blindHeldOut() {
        return blindHeldOut;
    }

    /** One held-out file: its name in reports ("held-out file 2"), its resource path and its lines. */
    public record HeldOutFile(String name, String resource, List<LabeledText> lines) {
    }

    /**
     * Cue phrases by cue ({@code claim_police}, {@code ask_transfer}, {@code pressure_secrecy}, {@code bait_prize}...):
     * who the sender claims to be, what they ask, the pressure and the bait, which carry across wordings.
     */
    public Map<String, List<String>> cues() {
        return cues;
    }
}
