package org.pingyi.tally.report;

import java.util.List;

/** A multiple-choice question: each option counted on its own over the ballots that answered it. */
public record MultiResult(String id, String kind, String text, long answered, List<OptionCount> options)
    implements QuestionResult {
}
