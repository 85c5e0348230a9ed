"""template.yaml and events/ declare what the service relies on.

Parsed without AWS tooling; `sam validate --lint` runs too when a SAM CLI is available
(CHARTFN_SAM=/path/to/sam, `sam` on PATH, or the repo's .venv-sam from scripts/sam.sh).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import parse_qs

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "template.yaml"
EVENTS = ROOT / "events"


class _CfnLoader(yaml.SafeLoader):
    """SafeLoader that reads CloudFormation short forms (!Sub, !GetAtt, !If, ...)."""


def _cfn_tag(loader: yaml.SafeLoader, tag_suffix: str, node: yaml.Node) -> dict:
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    name = "Ref" if tag_suffix == "Ref" else f"Fn::{tag_suffix}"
    return {name: value}


_CfnLoader.add_multi_constructor("!", _cfn_tag)


@pytest.fixture(scope="module")
def template() -> dict:
    return yaml.load(TEMPLATE.read_text(encoding="utf-8"), Loader=_CfnLoader)


@pytest.fixture(scope="module")
def function(template: dict) -> dict:
    return template["Resources"]["ChartFunction"]


def _fn_prop(template: dict, function: dict, key: str):
    """A function property, falling back to Globals.Function like SAM does."""
    props = function["Properties"]
    if key in props:
        return props[key]
    return template.get("Globals", {}).get("Function", {}).get(key)


def test_is_a_sam_template(template: dict) -> None:
    assert template["Transform"] == "AWS::Serverless-2016-10-31"
    assert template["Resources"]["ChartFunction"]["Type"] == "AWS::Serverless::Function"


def test_function_code_handler_runtime(function: dict, template: dict) -> None:
    props = function["Properties"]
    assert props["CodeUri"].rstrip("/") == "function"
    assert props["Handler"] == "chartfn.lambda_handler.handler"
    module, _, attr = props["Handler"].rpartition(".")
    assert attr == "handler"
    handler_file = ROOT / "function" / (module.replace(".", "/") + ".py")
    assert handler_file.is_file(), f"Handler module {handler_file} is missing"
    source = handler_file.read_text(encoding="utf-8")
    assert "def handler(" in source or "\nhandler = " in source, (
        "no `handler` in the handler module"
    )
    assert props["Runtime"] in {"python3.12", "python3.13"}
    # the default architecture is x86_64 (directly or through the Architecture parameter)
    archs = props["Architectures"]
    assert len(archs) == 1
    arch = archs[0]
    if isinstance(arch, dict):
        param = template["Parameters"][arch["Ref"]]
        assert param["Default"] == "x86_64"
        assert set(param["AllowedValues"]) == {"x86_64", "arm64"}
    else:
        assert arch == "x86_64"


def test_makefile_build(function: dict) -> None:
    assert function["Metadata"]["BuildMethod"] == "makefile"
    makefile = (ROOT / "function" / "Makefile").read_text(encoding="utf-8")
    assert "build-ChartFunction:" in makefile
    assert (ROOT / "function" / "requirements.txt").is_file()


def test_memory_and_timeout_are_sane(function: dict, template: dict) -> None:
    memory = _fn_prop(template, function, "MemorySize")
    timeout = _fn_prop(template, function, "Timeout")
    assert isinstance(memory, int) and 1024 <= memory <= 10240, memory
    # a cold start (imports, font setup) must fit; more than 29 s outlives API Gateway's answer
    assert isinstance(timeout, int) and 10 <= timeout <= 30, timeout


def test_binary_media_types_cover_every_accept_header(template: dict) -> None:
    api_types = template.get("Globals", {}).get("Api", {}).get("BinaryMediaTypes")
    explicit = [
        r["Properties"].get("BinaryMediaTypes")
        for r in template["Resources"].values()
        if r["Type"] == "AWS::Serverless::Api"
    ]
    for declared in [api_types, *explicit]:
        if declared is not None:
            assert declared == ["*~1*"]
    assert api_types == ["*~1*"] or explicit == [["*~1*"]]


def test_api_proxies_root_and_every_path(function: dict) -> None:
    events = function["Properties"]["Events"]
    routes: dict[str, set[str]] = {}
    for event in events.values():
        if event["Type"] == "Api":
            routes.setdefault(event["Properties"]["Path"], set()).add(
                event["Properties"]["Method"].upper()
            )
    assert set(routes) == {"/", "/{proxy+}"}
    for methods in routes.values():
        assert methods == {"ANY"} or {"GET", "HEAD"} <= methods, methods


def test_function_url_is_public(function: dict) -> None:
    assert function["Properties"]["FunctionUrlConfig"]["AuthType"] == "NONE"


def test_outputs(template: dict) -> None:
    outputs = template["Outputs"]
    values = {k: json.dumps(v["Value"]) for k, v in outputs.items()}
    api = [k for k, v in values.items() if "execute-api" in v and "/Prod/" in v and "sin?" not in v]
    chart = [k for k, v in values.items() if "/Prod/sin?amplitude=2&frequency=3" in v]
    assert api and chart, values
    assert any("ChartFunctionUrl" in v and "FunctionUrl" in v for v in values.values()), values
    assert any(v == json.dumps({"Fn::GetAtt": "ChartFunction.Arn"}) for v in values.values()), (
        values
    )


def test_optional_snapstart_is_off_by_default(template: dict, function: dict) -> None:
    params = template.get("Parameters", {})
    assert params["SnapStart"]["Default"] == "false"
    props = function["Properties"]
    assert "AutoPublishAlias" in props, "SnapStart applies to published versions only"
    snap = props["SnapStart"]
    assert "Fn::If" in snap
    assert snap["Fn::If"][1] == {"ApplyOn": "PublishedVersions"}
    assert snap["Fn::If"][2] == {"Ref": "AWS::NoValue"}


# ---- events/ ---------------------------------------------------------------------------

EVENT_FILES = sorted(EVENTS.glob("*.json"))
SIN_EVENTS = [p for p in EVENT_FILES if p.stem.endswith("_sin")]


def test_expected_fixtures_exist() -> None:
    names = {p.name for p in EVENT_FILES}
    for expected in (
        "rest_api_sin.json",
        "http_api_sin.json",
        "function_url_sin.json",
        "alb_sin.json",
        "rest_api_docs.json",
        "rest_api_health.json",
        "http_api_health.json",
    ):
        assert expected in names
    readme = (EVENTS / "README.md").read_text(encoding="utf-8")
    for name in names:
        assert name in readme, f"events/README.md does not describe {name}"


@pytest.mark.parametrize("path", EVENT_FILES, ids=lambda p: p.name)
def test_event_parses_as_a_get(path: Path) -> None:
    event = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(event, dict)
    if event.get("version") == "2.0":
        assert event["requestContext"]["http"]["method"] == "GET"
        assert event["rawPath"].startswith("/")
        assert event["routeKey"] == "$default"
    else:
        assert event["httpMethod"] == "GET"
        assert event["path"].startswith("/")
    assert event.get("isBase64Encoded") is False
    assert "foo" not in json.dumps(event), "leftover generate-event placeholder"


@pytest.mark.parametrize("path", SIN_EVENTS, ids=lambda p: p.name)
def test_sin_events_carry_the_query_everywhere(path: Path) -> None:
    event = json.loads(path.read_text(encoding="utf-8"))
    want = {"amplitude": "2", "frequency": "3"}
    assert event["queryStringParameters"] == want
    if "multiValueQueryStringParameters" in event or event.get("resource"):
        # Mangum prefers the multi-value map when it is present (REST API, ALB with multi-value)
        assert event["multiValueQueryStringParameters"] == {k: [v] for k, v in want.items()}
    if "rawQueryString" in event:
        assert {k: v[0] for k, v in parse_qs(event["rawQueryString"]).items()} == want
        assert event["rawPath"] == "/sin"
    else:
        assert event["path"] == "/sin"


def test_rest_api_fixtures_are_proxy_events_on_stage_prod() -> None:
    for path in EVENTS.glob("rest_api_*.json"):
        event = json.loads(path.read_text(encoding="utf-8"))
        route = event["path"].lstrip("/")
        assert event["resource"] == "/{proxy+}"
        assert event["pathParameters"] == {"proxy": route}
        assert event["requestContext"]["stage"] == "Prod"
        assert event["requestContext"]["path"] == f"/Prod/{route}"
        assert event["headers"]["Host"] == "abc123.execute-api.us-east-1.amazonaws.com"
        assert event["body"] is None


def test_rest_api_sin_asks_like_a_browser_img_tag() -> None:
    event = json.loads((EVENTS / "rest_api_sin.json").read_text(encoding="utf-8"))
    accept = "image/avif,image/webp,image/apng,image/*,*/*;q=0.8"
    assert event["headers"]["Accept"] == accept
    assert event["multiValueHeaders"]["Accept"] == [accept]


def test_function_url_fixture_is_faithful() -> None:
    event = json.loads((EVENTS / "function_url_sin.json").read_text(encoding="utf-8"))
    ctx = event["requestContext"]
    assert event["version"] == "2.0"
    assert ctx["domainName"] == "xyz.lambda-url.us-east-1.on.aws"
    assert ctx["domainPrefix"] == "xyz"
    assert ctx["apiId"] == "xyz"
    # function URLs fill API Gateway-only keys with sentinels
    assert event["routeKey"] == ctx["routeKey"] == "$default"
    assert ctx["stage"] == "$default"
    assert ctx["accountId"] == "anonymous"  # AuthType NONE
    assert "authorizer" not in ctx


# ---- sam validate --lint -----------------------------------------------------------------


def _find_sam() -> str | None:
    env = os.environ.get("CHARTFN_SAM")
    if env:
        assert os.access(env, os.X_OK), f"CHARTFN_SAM={env} is not an executable"
        return env
    for candidate in (shutil.which("sam"), ROOT / ".venv-sam" / "bin" / "sam"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def sam_cli(arguments: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run the SAM CLI offline (dummy credentials, no telemetry, no metadata look-ups)."""
    sam = _find_sam()
    if sam is None:
        pytest.skip("no SAM CLI: set CHARTFN_SAM, put `sam` on PATH, or run scripts/sam.sh once")
    env = {
        **os.environ,
        "SAM_CLI_TELEMETRY": "0",
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ACCESS_KEY_ID": "test",
        "AWS_SECRET_ACCESS_KEY": "test",
        "HOME": os.environ.get("HOME", str(tmp_path)),
    }
    env.pop("AWS_PROFILE", None)
    env.pop("AWS_SESSION_TOKEN", None)
    return subprocess.run(
        [sam, *arguments], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def test_sam_validate_lint(tmp_path: Path) -> None:
    proc = sam_cli(["validate", "--lint", "--template-file", str(TEMPLATE)], tmp_path)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "is a valid SAM Template" in out, out


def test_spend_cap_and_settings_are_parameters(template: dict, function: dict) -> None:
    params = template["Parameters"]
    assert params["ReservedConcurrency"]["Default"] >= 1
    assert function["Properties"]["ReservedConcurrentExecutions"] == {"Ref": "ReservedConcurrency"}
    [api] = [r for r in template["Resources"].values() if r["Type"] == "AWS::Serverless::Api"]
    [throttle] = api["Properties"]["MethodSettings"]
    assert throttle["ThrottlingRateLimit"] == {"Ref": "ThrottleRateLimit"}
    assert throttle["ThrottlingBurstLimit"] == {"Ref": "ThrottleBurstLimit"}
    variables = function["Properties"]["Environment"]["Variables"]
    for name in ("CHARTFN_CORS_ORIGINS", "CHARTFN_PIXEL_BUDGET", "CHARTFN_SIGNING_SECRET"):
        assert name in variables
    assert params["SigningSecret"]["NoEcho"] is True


def test_cdn_is_optional_and_caches_by_query_and_accept(template: dict) -> None:
    assert template["Parameters"]["EnableCdn"]["Default"] == "false"
    resources = template["Resources"]
    cdn = [r for r in resources.values() if r["Type"].startswith("AWS::CloudFront::")]
    assert cdn and all(r.get("Condition") == "UseCdn" for r in cdn)
    [policy] = [r for r in cdn if r["Type"] == "AWS::CloudFront::CachePolicy"]
    keys = policy["Properties"]["CachePolicyConfig"]["ParametersInCacheKeyAndForwardedToOrigin"]
    assert keys["QueryStringsConfig"]["QueryStringBehavior"] == "all"
    assert keys["HeadersConfig"]["Headers"] == ["Accept"]
    assert keys["CookiesConfig"]["CookieBehavior"] == "none"
