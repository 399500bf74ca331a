package app.realmoments.emulator.template;

/** The pseudo parameters of the local stack (AWS::Region, AWS::AccountId ...). */
public record StackSettings(String stackName, String region, String accountId, String partition, String urlSuffix) {

    /** moto's default account, us-east-1, stack "real-moments-local". */
    public static final StackSettings LOCAL =
            new StackSettings("real-moments-local", "us-east-1", "123456789012", "aws", "amazonaws.com");

    public String stackId() {
        return "arn:" + partition + ":cloudformation:" + region + ":" + accountId + ":stack/" + stackName
                + "/00000000-0000-0000-0000-000000000000";
    }

    /** {@code real-moments-local-UsersTable}: CloudFormation's stack-id pattern without the random tail. */
    public String physicalName(String logicalId) {
        return stackName + "-" + logicalId;
    }

    public String arn(String service, String resource) {
        return "arn:" + partition + ":" + service + ":" + region + ":" + accountId + ":" + resource;
    }
}
