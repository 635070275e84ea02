/**
 * The tally report as types: what {@code TallyReport.of} computes and the summary tables, the recount and the
 * probation register read. Only {@code TallyJson} turns these into the JSON the screen and the API send.
 * A nullable component is absent from that JSON when null (the part does not apply to the form); a
 * {@link org.pingyi.tally.report.Figure} tells "applies, but nothing to divide by" (JSON null) from "does not apply".
 */
package org.pingyi.tally.report;
