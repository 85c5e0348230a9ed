import pytest

from chartfn.http.asgi_middleware import stage_prefix

EXECUTE_API = "abc123.execute-api.us-east-1.amazonaws.com"


@pytest.mark.parametrize(
    ("event", "prefix"),
    [
        ({"requestContext": {"stage": "Prod", "domainName": EXECUTE_API}}, "/Prod"),
        ({"requestContext": {"stage": "Prod"}, "headers": {"Host": EXECUTE_API}}, "/Prod"),
        ({"requestContext": {"stage": "$default", "domainName": EXECUTE_API}}, ""),
        ({"requestContext": {"stage": "Prod", "domainName": "charts.example.com"}}, ""),
        ({"requestContext": {"stage": "Prod", "domainName": "localhost:3000"}}, ""),
        ({"requestContext": {"domainName": "x.lambda-url.us-east-1.on.aws"}}, ""),
        ({}, ""),
    ],
)
def test_stage_prefix_only_for_execute_api_hosts(event: dict, prefix: str) -> None:
    assert stage_prefix(event) == prefix
