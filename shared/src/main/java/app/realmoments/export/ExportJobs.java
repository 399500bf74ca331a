package app.realmoments.export;

/** Where export jobs wait for the exporter. */
public interface ExportJobs {

    void send(ExportJob job);
}
