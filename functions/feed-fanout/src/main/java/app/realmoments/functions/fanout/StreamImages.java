package app.realmoments.functions.fanout;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;

/** A stream record's image (Lambda event types) as the SDK's attribute values the stores read. */
final class StreamImages {

    private StreamImages() {
    }

    static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> toSdk(Map<String, AttributeValue> image) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> out = new HashMap<>();
        image.forEach((name, value) -> out.put(name, toSdk(value)));
        return out;
    }

    static software.amazon.awssdk.services.dynamodb.model.AttributeValue toSdk(AttributeValue value) {
        var b = software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder();
        if (value.getS() != null) {
            return b.s(value.getS()).build();
        }
        if (value.getN() != null) {
            return b.n(value.getN()).build();
        }
        if (value.getBOOL() != null) {
            return b.bool(value.getBOOL()).build();
        }
        if (value.getNULL() != null) {
            return b.nul(value.getNULL()).build();
        }
        if (value.getSS() != null) {
            return b.ss(value.getSS()).build();
        }
        if (value.getNS() != null) {
            return b.ns(value.getNS()).build();
        }
        if (value.getB() != null) {
            return b.b(SdkBytes.fromByteBuffer(value.getB())).build();
        }
        if (value.getBS() != null) {
            return b.bs(value.getBS().stream().map(SdkBytes::fromByteBuffer).toList()).build();
        }
        if (value.getM() != null) {
            return b.m(toSdk(value.getM())).build();
        }
        if (value.getL() != null) {
            List<software.amazon.awssdk.services.dynamodb.model.AttributeValue> list =
                    value.getL().stream().map(StreamImages::toSdk).toList();
            return b.l(list).build();
        }
        return b.nul(true).build();
    }
}
