package org.pingyi.form;

/** One item of a multiple choice (a problem, a reason, an approve-mode answer). */
public record Choice(String id, String label) {
}
