package org.pingyi.rawexport;

import java.util.Map;

/**
 * A stored ballot as the raw exports read it: category, channel and answers, nothing else (a ballot holds
 * nothing else).
 *
 * @param channel {@code phone} or {@code paper}
 * @param answers {"<form id>": {<question id>: answer}} as plain maps and lists
 */
public record RawBallot(String categoryCode, String channel, boolean unreadable, Map<String, Object> answers) {
}
