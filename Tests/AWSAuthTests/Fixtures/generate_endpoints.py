# SPDX-License-Identifier: Apache-2.0
"""Generate kinesis-endpoints.json: the Kinesis PutRecords URL that botocore resolves.

Run once, by hand, and commit the output:

    python3 Tests/AWSAuthTests/Fixtures/generate_endpoints.py \
        > Tests/AWSAuthTests/Fixtures/kinesis-endpoints.json

Each row is resolved by a real botocore client (no network): a `before-send` handler
captures the final request URL of a PutRecords call and answers with a canned response.
So the table covers botocore's whole path: environment variables, the shared config file
(rows with a "config" text: profile endpoint_url, [services] sections, use_fips_endpoint, ...;
rows with a null region take it from the profile), the endpoint rule set, the partition table,
region and endpoint validation, and the URL the request goes to.
"""

import json
import os
import sys
import tempfile

import botocore
import botocore.session
from botocore.awsrequest import AWSResponse
from botocore.endpoint_provider import RuleSetStandardLibrary
from botocore.loaders import create_loader

ACCOUNT = "123456789012"
SETTINGS = (
    "AWS_ENDPOINT_URL",
    "AWS_ENDPOINT_URL_KINESIS",
    "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
    "AWS_USE_FIPS_ENDPOINT",
    "AWS_USE_DUALSTACK_ENDPOINT",
)


class _CannedBody:
    def stream(self, **_):
        yield b'{"FailedRecordCount":0,"Records":[]}'


def resolve(region, environment, stream_arn, config_path="/dev/null"):
    """Return {"url": ...} or {"error": ..., "errorType": ...} as botocore resolves it."""
    for key in list(os.environ):
        if key.startswith("AWS_"):
            del os.environ[key]
    os.environ.update(
        {
            "AWS_CONFIG_FILE": config_path,
            "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
            "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE",
            "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        }
    )
    os.environ.update(environment)
    captured = {}

    def capture(request, **_):
        captured["url"] = request.url
        return AWSResponse(request.url, 200, {}, _CannedBody())

    try:
        client = botocore.session.get_session().create_client("kinesis", region_name=region)
        client.meta.events.register("before-send.kinesis", capture)
        params = {"Records": [{"Data": b"x", "PartitionKey": "k"}]}
        if stream_arn:
            params["StreamARN"] = stream_arn
        else:
            params["StreamName"] = "flag-events"
        client.put_records(**params)
        return {"url": captured["url"]}
    except Exception as error:  # noqa: BLE001 - every failure is a table row
        return {"error": str(error), "errorType": type(error).__name__}


def arn(partition, region):
    return f"arn:{partition}:kinesis:{region}:{ACCOUNT}:stream/flag-events"


def main():
    partitions = create_loader().load_data("partitions")
    library = RuleSetStandardLibrary(partitions)
    regions = []
    for partition in partitions["partitions"]:
        regions.extend(sorted(partition["regions"]))
    # Regions that only the partitions' regular expressions know, and one no partition knows.
    regions += [
        "us-west-42",
        "cn-south-9",
        "us-gov-central-7",
        "us-iso-north-3",
        "us-isob-south-2",
        "eu-isoe-north-2",
        "us-isof-west-5",
        "eusc-de-west-2",
        "xx-unknown-1",
        "US-EAST-1",
    ]

    rows = []

    def add(name, region, environment=None, stream_arn=None, config=None):
        environment = environment or {}
        row = {"name": name, "region": region, "streamARN": stream_arn, "environment": environment}
        if config is None:
            row.update(resolve(region, environment, stream_arn))
        else:
            row["config"] = config
            with tempfile.NamedTemporaryFile("w", suffix=".ini", delete=False, newline="") as file:
                file.write(config)
            try:
                row.update(resolve(region, environment, stream_arn, file.name))
            finally:
                os.unlink(file.name)
        rows.append(row)

    flags = [(False, False), (True, False), (False, True), (True, True)]
    for region in regions:
        partition = library.aws_partition(region)["name"]
        for fips, dualstack in flags:
            environment = {}
            if fips:
                environment["AWS_USE_FIPS_ENDPOINT"] = "true"
            if dualstack:
                environment["AWS_USE_DUALSTACK_ENDPOINT"] = "true"
            suffix = f"fips={fips} dualstack={dualstack}"
            add(f"name {region} {suffix}", region, environment)
            add(f"arn {region} {suffix}", region, environment, arn(partition, region))

    # The client region wins over the ARN's region (same partition).
    add("arn region differs", "eu-west-1", None, arn("aws", "us-east-1"))
    add("arn region differs, gov", "us-gov-east-1", None, arn("aws-us-gov", "us-gov-west-1"))
    # Partition mismatches.
    add("arn aws-cn, region aws", "us-east-1", None, arn("aws-cn", "cn-north-1"))
    add("arn aws, region aws-cn", "cn-north-1", None, arn("aws", "us-east-1"))
    add("arn aws, region aws-us-gov", "us-gov-west-1", None, arn("aws", "us-east-1"))
    add("arn aws-us-gov, region aws", "us-east-1", None, arn("aws-us-gov", "us-gov-west-1"))
    add("arn aws-eusc, region aws", "us-east-1", None, arn("aws-eusc", "eusc-de-east-1"))
    add("arn aws, region aws-iso-e", "eu-isoe-west-1", None, arn("aws", "us-east-1"))
    # The iso partitions skip the ARN rules entirely, so no mismatch is detected.
    add("arn aws, region aws-iso", "us-iso-east-1", None, arn("aws", "us-east-1"))
    add("arn aws, region aws-iso-b, fips", "us-isob-east-1", {"AWS_USE_FIPS_ENDPOINT": "true"}, arn("aws", "us-east-1"))

    # Boolean settings: only a case-insensitive "true" is true.
    for value in ["TRUE", "True", "1", "yes", "false", ""]:
        add(f"fips flag {value!r}", "us-east-1", {"AWS_USE_FIPS_ENDPOINT": value})
        add(f"dualstack flag {value!r}", "us-east-1", {"AWS_USE_DUALSTACK_ENDPOINT": value})

    # Configured endpoints.
    local = "http://127.0.0.1:4567"
    add("endpoint", "us-east-1", {"AWS_ENDPOINT_URL": local})
    add("endpoint with slash", "us-east-1", {"AWS_ENDPOINT_URL": local + "/"})
    add("endpoint with path", "us-east-1", {"AWS_ENDPOINT_URL": local + "/kinesis"})
    add("endpoint with path and slash", "us-east-1", {"AWS_ENDPOINT_URL": local + "/kinesis/"})
    add("endpoint https default port", "us-east-1", {"AWS_ENDPOINT_URL": "https://kinesis.example.com:443"})
    add("endpoint ipv6", "us-east-1", {"AWS_ENDPOINT_URL": "http://[::1]:4567"})
    add("endpoint hostname", "us-east-1", {"AWS_ENDPOINT_URL": "http://localhost:4566"})
    add("endpoint with arn", "us-east-1", {"AWS_ENDPOINT_URL": local}, arn("aws", "us-east-1"))
    add("endpoint with mismatched arn", "us-east-1", {"AWS_ENDPOINT_URL": local}, arn("aws-cn", "cn-north-1"))
    add(
        "service endpoint wins",
        "us-east-1",
        {"AWS_ENDPOINT_URL": "http://127.0.0.1:1111", "AWS_ENDPOINT_URL_KINESIS": "http://127.0.0.1:2222"},
    )
    add("service endpoint alone", "eu-west-1", {"AWS_ENDPOINT_URL_KINESIS": "http://127.0.0.1:2222"})
    add("empty service endpoint", "us-east-1", {"AWS_ENDPOINT_URL_KINESIS": ""})
    add(
        "empty service endpoint, global set",
        "us-east-1",
        {"AWS_ENDPOINT_URL_KINESIS": "", "AWS_ENDPOINT_URL": "http://127.0.0.1:1111"},
    )
    add("empty endpoint", "us-east-1", {"AWS_ENDPOINT_URL": ""})
    for value in ["true", "TRUE", "1", "false"]:
        add(
            f"ignore configured endpoints {value!r}",
            "us-east-1",
            {"AWS_ENDPOINT_URL": local, "AWS_ENDPOINT_URL_KINESIS": local, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": value},
        )
    # botocore drops FIPS and dual-stack when an endpoint is configured (see
    # ClientArgsCreator.compute_endpoint_resolver_builtin_defaults).
    add("endpoint with fips", "us-east-1", {"AWS_ENDPOINT_URL": local, "AWS_USE_FIPS_ENDPOINT": "true"})
    add("endpoint with dualstack", "us-east-1", {"AWS_ENDPOINT_URL": local, "AWS_USE_DUALSTACK_ENDPOINT": "true"})
    add(
        "ignored endpoint with fips",
        "us-east-1",
        {"AWS_ENDPOINT_URL": local, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true", "AWS_USE_FIPS_ENDPOINT": "true"},
    )
    add("endpoint without scheme", "us-east-1", {"AWS_ENDPOINT_URL": "localhost:4567"})
    add("endpoint without host", "us-east-1", {"AWS_ENDPOINT_URL": "http://"})
    add("endpoint with bad label", "us-east-1", {"AWS_ENDPOINT_URL": "http://-bad.example.com"})
    add("endpoint with newline", "us-east-1", {"AWS_ENDPOINT_URL": "http://127.0.0.1:4567\n"})

    # Regions that are not a valid host label.
    for region in ["us-east-1.evil", "-us-east-1", "us-east-1-", "12345", "us_east_1", "a" * 64]:
        add(f"invalid region {region!r}", region)

    add_profile_rows(add, local)

    # One row per line keeps the file small and its diffs readable.
    out = sys.stdout
    out.write("{\n")
    out.write(f' "botocore": {json.dumps(botocore.__version__)},\n')
    out.write(' "rows": [\n')
    out.write(",\n".join("  " + json.dumps(row, sort_keys=True) for row in rows))
    out.write("\n ]\n}\n")


def add_profile_rows(add, local):
    """Endpoint settings from the shared config file, and how the environment overrides them."""
    other = "http://127.0.0.1:5555"
    services = "[default]\nservices = local\n[services local]\nkinesis =\n  endpoint_url = " + local + "\n"
    add("profile endpoint_url", "us-east-1", config="[default]\nendpoint_url = " + local + "\n")
    add("profile endpoint_url with arn", "us-east-1", None, arn("aws", "us-east-1"),
        config="[default]\nendpoint_url = " + local + "/path\n")
    add("services section", "us-east-1", config=services)
    add("services section wins over profile endpoint_url", "us-east-1",
        config=services.replace("services = local\n", "services = local\nendpoint_url = " + other + "\n"))
    add("global variable wins over services section", "us-east-1", {"AWS_ENDPOINT_URL": other}, config=services)
    add("service variable wins over services section", "us-east-1", {"AWS_ENDPOINT_URL_KINESIS": other},
        config=services)
    add("global variable wins over profile endpoint_url", "us-east-1", {"AWS_ENDPOINT_URL": other},
        config="[default]\nendpoint_url = " + local + "\n")
    add("services section for another service only", "us-east-1",
        config="[default]\nservices = s\n[services s]\nsts =\n  endpoint_url = " + other + "\n")
    add("services section for another service, profile endpoint_url", "us-east-1",
        config="[default]\nservices = s\nendpoint_url = " + local + "\n[services s]\nsts =\n  endpoint_url = "
        + other + "\n")
    add("empty services endpoint_url falls back to profile", "us-east-1",
        config="[default]\nservices = s\nendpoint_url = " + local + "\n[services s]\nkinesis =\n  endpoint_url =\n"
        + "  region = x\n")
    add("services section missing", "us-east-1", config="[default]\nservices = nowhere\n")
    add("services section missing, variable set", "us-east-1", {"AWS_ENDPOINT_URL": other},
        config="[default]\nservices = nowhere\n")
    add("profile ignores configured endpoints", "us-east-1",
        config="[default]\nendpoint_url = " + local + "\nignore_configured_endpoint_urls = true\n")
    add("profile ignore also ignores variables", "us-east-1", {"AWS_ENDPOINT_URL": other},
        config="[default]\nignore_configured_endpoint_urls = TRUE\n")
    add("variable false beats profile ignore", "us-east-1", {"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "false"},
        config="[default]\nendpoint_url = " + local + "\nignore_configured_endpoint_urls = true\n")
    add("variable true ignores profile endpoint", "us-east-1", {"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"},
        config=services)
    for stream_arn in [None, arn("aws", "eu-west-1")]:
        kind = "arn" if stream_arn else "name"
        add(f"profile fips {kind}", "eu-west-1", None, stream_arn, config="[default]\nuse_fips_endpoint = true\n")
        add(f"profile dualstack {kind}", "eu-west-1", None, stream_arn,
            config="[default]\nuse_dualstack_endpoint = True\n")
        add(f"profile fips and dualstack {kind}", "eu-west-1", None, stream_arn,
            config="[default]\nuse_fips_endpoint = true\nuse_dualstack_endpoint = true\n")
    add("variable false beats profile fips", "eu-west-1", {"AWS_USE_FIPS_ENDPOINT": "false"},
        config="[default]\nuse_fips_endpoint = true\n")
    add("empty variable beats profile fips", "eu-west-1", {"AWS_USE_FIPS_ENDPOINT": ""},
        config="[default]\nuse_fips_endpoint = true\n")
    add("variable true beats profile dualstack false", "eu-west-1", {"AWS_USE_DUALSTACK_ENDPOINT": "true"},
        config="[default]\nuse_dualstack_endpoint = false\n")
    add("profile fips with endpoint_url", "eu-west-1", None,
        config="[default]\nuse_fips_endpoint = true\nendpoint_url = " + local + "\n")
    add("profile dualstack in aws-iso-e", "eu-isoe-west-1", None,
        config="[default]\nuse_dualstack_endpoint = true\n")
    named = "[default]\nendpoint_url = " + other + "\n[profile dev]\nendpoint_url = " + local + "\n"
    add("named profile", "us-east-1", {"AWS_PROFILE": "dev"}, config=named)
    add("default profile among others", "us-east-1", None, config=named)
    add("plain section is not a profile", "us-east-1", None,
        config="[dev]\nendpoint_url = " + local + "\n[default]\nregion = us-east-1\n")
    add("profile default after default", "us-east-1", None,
        config="[default]\nendpoint_url = " + other + "\n[profile default]\nendpoint_url = " + local + "\n")
    add("comments, blank lines and CRLF", "us-east-1", None,
        config="# comment\r\n; another\r\n\r\n[default]\r\nservices = s\r\n\r\n[services s]\r\n"
        + "kinesis =\r\n    endpoint_url   =   " + local + "  \r\n")
    add("invalid profile endpoint_url", "us-east-1", None, config="[default]\nendpoint_url = localhost:4566\n")
    # Not compared, where the SDKs' common profile rules (which we follow) and botocore part ways:
    # botocore rejects a file with a duplicate section and does not trim blanks inside brackets
    # ("[ profile dev ]"); and it never reads AWS_REGION, only AWS_DEFAULT_REGION (so for botocore
    # a profile's region beats AWS_REGION).
    # The region from the profile (region_name=None).
    add("region from profile", None, None, config="[default]\nregion = eu-central-1\n")
    add("region from named profile with fips", None, {"AWS_PROFILE": "dev"}, arn("aws", "ca-central-1"),
        config="[profile dev]\nregion = ca-central-1\nuse_fips_endpoint = true\n")
    add("AWS_DEFAULT_REGION wins over profile region", None, {"AWS_DEFAULT_REGION": "ap-south-2"},
        config="[default]\nregion = eu-central-1\n")


if __name__ == "__main__":
    main()
