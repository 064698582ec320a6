package cn.antifraud.kb;

import java.util.List;

/** A group scammers target (elderly people, students, ...) with the types that hit them most. */
public record Audience(String id, String name, String intro, List<String> types, List<String> tips) {
}
