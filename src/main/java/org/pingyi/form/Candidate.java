package org.pingyi.form;

/** A reference candidate of a recommendation position; the optional fields are empty strings when unknown. */
public record Candidate(String id, String name, String gender, String birth, String currentPost) {
}
