package org.pingyi.form;

/** The person a section assesses (民主测评): name and post; post may be empty. */
public record Subject(String name, String post) {
}
