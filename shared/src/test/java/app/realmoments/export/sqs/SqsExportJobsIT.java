package app.realmoments.export.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.realmoments.export.ExportJob;
import app.realmoments.json.Json;
import app.realmoments.testing.LocalAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

class SqsExportJobsIT {

    @Test
    void aJobArrivesAsItsJson() {
        SqsClient sqs = LocalAws.shared().sqs();
        String url = sqs.createQueue(r -> r.queueName("exports-" + System.nanoTime())).queueUrl();
        new SqsExportJobs(sqs, url).send(new ExportJob("ana", "01JHJ1C22G0NPARJS8VBV0PSAE"));
        String body = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1)).messages().getFirst().body();
        assertEquals(new ExportJob("ana", "01JHJ1C22G0NPARJS8VBV0PSAE"), Json.read(body, ExportJob.class));
    }
}
