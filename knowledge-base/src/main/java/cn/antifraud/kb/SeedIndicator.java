package cn.antifraud.kb;

/** A known-bad indicator shipped with the knowledge base to seed the registry. */
public record SeedIndicator(String type, String value, String scamType, String note) {
}
