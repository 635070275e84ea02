package org.pingyi.form;

/** An attribute column shown after a matrix row's label, e.g. 现任职务; {@code key} names the row attribute. */
public record MatrixColumn(String key, String label) {
}
