package org.pingyi.slip;

/** A slip just issued: the only moment its token exists outside the voter's hands. */
record IssuedSlip(String serial, String token) {

  /** What the QR code and the CSV carry: the address a phone opens to vote with this slip. */
  String votingUrl(String publicUrl) {
    return publicUrl + "/v/" + token;
  }

  /** Where a voter types the slip's code when the QR code will not scan (no secret in it). */
  static String entryUrl(String publicUrl) {
    return publicUrl + "/v";
  }
}
