/**
 * The typed metrics report ({@code metrics.json}, schema {@value ssm.report.MetricsReport#SCHEMA}):
 * {@link ssm.report.MetricsReport} and its parts, written and read by {@link
 * ssm.report.MetricsReports}; reports of the earlier schema are converted on reading ({@link
 * ssm.report.MetricsReportV1}).
 */
package ssm.report;
