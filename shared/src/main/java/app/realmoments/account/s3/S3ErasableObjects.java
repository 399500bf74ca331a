package app.realmoments.account.s3;

import app.realmoments.account.ErasableObjects;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One bucket's objects deleted by key (DeleteObjects, 1,000 keys a call) or by prefix (ListObjectsV2
 * pages, each deleted as it is read). A bucket that does not exist holds nothing (the exports bucket of a
 * stage without exports).
 */
public final class S3ErasableObjects implements ErasableObjects {

    static final int KEYS_PER_CALL = 1000;

    private final Supplier<S3Client> s3;
    private final String bucket;

    public S3ErasableObjects(Supplier<S3Client> s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public int delete(Collection<String> keys) {
        List<String> all = List.copyOf(keys);
        try {
            for (int from = 0; from < all.size(); from += KEYS_PER_CALL) {
                deleteAll(all.subList(from, Math.min(all.size(), from + KEYS_PER_CALL)));
            }
        } catch (NoSuchBucketException noBucket) {
            return 0;
        }
        return all.size();
    }

    @Override
    public int deleteUnder(String prefix) {
        int deleted = 0;
        try {
            for (var page : s3.get().listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix))) {
                List<String> keys = new ArrayList<>();
                for (S3Object object : page.contents()) {
                    keys.add(object.key());
                }
                if (!keys.isEmpty()) {
                    deleteAll(keys);
                    deleted += keys.size();
                }
            }
        } catch (NoSuchBucketException noBucket) {
            return deleted;
        }
        return deleted;
    }

    private void deleteAll(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<ObjectIdentifier> objects = keys.stream().map(k -> ObjectIdentifier.builder().key(k).build()).toList();
        var response = s3.get().deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(objects).quiet(true)));
        if (response.hasErrors() && !response.errors().isEmpty()) {
            throw new IllegalStateException("could not delete " + response.errors().size() + " objects, first: "
                    + response.errors().getFirst().code());
        }
    }
}
