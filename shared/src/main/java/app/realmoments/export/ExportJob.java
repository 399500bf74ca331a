package app.realmoments.export;

/** The message that asks the exporter to build one export's archive. */
public record ExportJob(String userId, String exportId) {
}
