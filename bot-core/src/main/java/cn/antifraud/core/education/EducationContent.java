package cn.antifraud.core.education;

import cn.antifraud.kb.Audience;
import cn.antifraud.kb.KnowledgeBase;
import cn.antifraud.kb.ScamType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The teaching content residents see: the classpath knowledge base with supervisors' edits laid over it.
 * Edits replace a whole type at once (an atomic swap), so a drill never mixes two versions of one step.
 */
public final class EducationContent {
    private final KnowledgeBase kb;
    private final AtomicReference<Map<String, ScamType>> types;

    public EducationContent(KnowledgeBase kb) {
        this.kb = kb;
        this.types = new AtomicReference<>(Map.copyOf(kb.types()));
    }

    public KnowledgeBase kb() {
        return kb;
    }

    /** The current content of a type, or null for an unknown id. */
    public ScamType type(String id) {
        return id == null ? null : types.get().get(id);
    }

    /** All types in taxonomy order. */
    public List<ScamType> types() {
        Map<String, ScamType> now = types.get();
        List<ScamType> out = new ArrayList<>();
        for (String id : kb.scamTypeIds()) {
            out.add(now.get(id));
        }
        return out;
    }

    public List<Audience> audiences() {
        return kb.audiences();
    }

    public Optional<Audience> audience(String id) {
        return kb.audiences().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    /** Puts an edited (already validated) type live. */
    public void replace(ScamType edited) {
        if (!kb.types().containsKey(edited.id())) {
            throw new IllegalArgumentException("unknown scam type " + edited.id());
        }
        types.updateAndGet(cur -> {
            Map<String, ScamType> next = new LinkedHashMap<>(cur);
            next.put(edited.id(), edited);
            return Map.copyOf(next);
        });
    }

    /** Human names for a script stage. */
    public static String stageName(String stage) {
        return switch (stage) {
            case "first_contact" -> "第一次接触";
            case "hook" -> "下钩子";
            case "pressure" -> "施压催促";
            case "payment" -> "要您付钱";
            case "aftermath" -> "骗到钱以后";
            default -> stage;
        };
    }
}
