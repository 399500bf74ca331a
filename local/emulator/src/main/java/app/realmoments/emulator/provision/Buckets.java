package app.realmoments.emulator.provision;

import static app.realmoments.emulator.provision.ResourceProperties.map;
import static app.realmoments.emulator.provision.ResourceProperties.maps;
import static app.realmoments.emulator.provision.ResourceProperties.str;
import static app.realmoments.emulator.provision.ResourceProperties.strings;

import app.realmoments.emulator.RuntimeLog;
import app.realmoments.emulator.aws.Aws;
import app.realmoments.emulator.template.StackSettings;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CORSRule;

/** AWS::S3::Bucket with its CORS rules, and the domain names CloudFormation gives one. */
record Buckets(Aws aws, StackSettings settings) {

    Physical create(String id, Map<String, Object> p) {
        String name = str(p, "BucketName", settings.physicalName(id).toLowerCase(Locale.ROOT));
        try {
            aws.s3().createBucket(b -> b.bucket(name));
        } catch (BucketAlreadyOwnedByYouException exists) {
            RuntimeLog.info("bucket " + name + " exists already: reused");
        }
        List<Map<String, Object>> cors = maps(map(p, "CorsConfiguration"), "CorsRules");
        if (!cors.isEmpty()) {
            List<CORSRule> rules = cors.stream().map(r -> {
                CORSRule.Builder rule = CORSRule.builder()
                        .allowedMethods(strings(r, "AllowedMethods"))
                        .allowedOrigins(strings(r, "AllowedOrigins"))
                        .allowedHeaders(strings(r, "AllowedHeaders"))
                        .exposeHeaders(strings(r, "ExposedHeaders"));
                if (r.get("MaxAge") != null) {
                    rule.maxAgeSeconds(Integer.parseInt(str(r, "MaxAge", null)));
                }
                if (r.get("Id") != null) {
                    rule.id(str(r, "Id", null));
                }
                return rule.build();
            }).toList();
            aws.s3().putBucketCors(b -> b.bucket(name).corsConfiguration(c -> c.corsRules(rules)));
        }
        String base = settings.urlSuffix();
        return Physical.of("AWS::S3::Bucket", name, Map.of(
                "Arn", "arn:" + settings.partition() + ":s3:::" + name,
                "DomainName", name + ".s3." + base,
                "RegionalDomainName", name + ".s3." + settings.region() + "." + base,
                "DualStackDomainName", name + ".s3.dualstack." + settings.region() + "." + base,
                "WebsiteURL", "http://" + name + ".s3-website-" + settings.region() + "." + base));
    }
}
