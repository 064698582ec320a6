package cn.antifraud.core.analysis;

import java.util.List;

/** Finds every occurrence of a fixed set of phrases in a text. */
@FunctionalInterface
public interface PhraseMatcher<V> {
    /** A phrase found at [begin, end) carrying its value. */
    record Hit<V>(int begin, int end, V value) {
    }

    List<Hit<V>> find(String text);
}
