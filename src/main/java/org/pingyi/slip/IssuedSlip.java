package org.pingyi.slip;

/** A slip just issued: the only moment its token exists outside the voter's hands. */
record IssuedSlip(String serial, String token) {
}
