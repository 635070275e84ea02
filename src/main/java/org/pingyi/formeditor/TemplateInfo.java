package org.pingyi.formeditor;

/** A built-in template as the console lists it: its id, title and a one-line description. */
public record TemplateInfo(String id, String title, String description) {
}
