package org.pingyi.archive;

/** One thing the record lacks, with a stable code and the Chinese sentence the clerk reads. */
public record RecordGap(String code, String message) {
}
