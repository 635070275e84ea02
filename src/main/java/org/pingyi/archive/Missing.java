package org.pingyi.archive;

/** One thing the record lacks, with a stable code and the Chinese sentence the clerk reads. */
public record Missing(String code, String message) {
}
