"""Originals in an S3-compatible bucket: stored, read back, parsed and served as on local disk.

The bucket is served by moto's S3 server on 127.0.0.1 for the test (no other machine involved).
"""
import pytest
from django.core.files.storage import storages

from ingest.process import ingest_file, reingest_source
from minutes.models import SourceDocument
from tests.paths import SEEDS

pytestmark = pytest.mark.django_db


@pytest.fixture
def bucket(settings):
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    import boto3

    boto3.client(
        "s3", endpoint_url=endpoint, region_name="eu-north-1",
        aws_access_key_id="test", aws_secret_access_key="test",
    ).create_bucket(
        Bucket="originals", CreateBucketConfiguration={"LocationConstraint": "eu-north-1"}
    )
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": "originals", "endpoint_url": endpoint,
                "region_name": "eu-north-1", "access_key": "test", "secret_key": "test",
                "default_acl": None, "file_overwrite": False,
            },
        },
    }
    storages._storages.pop("default", None)  # the handler caches the backend it built
    yield storages["default"]
    storages._storages.pop("default", None)
    server.stop()


def test_a_referat_is_stored_in_the_bucket_read_back_and_served(bucket, client):
    seed = SEEDS[-1]
    result = ingest_file(seed, published=True)
    assert result.ok and result.meeting.items.count() == 9
    source = SourceDocument.objects.get()
    assert bucket.exists(source.file.name)
    with bucket.open(source.file.name, "rb") as handle:
        assert handle.read() == seed.read_bytes()
    assert reingest_source(source).ok  # a re-read fetches the original from the bucket
    download = client.get(f"/kilder/{source.pk}/download/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == seed.read_bytes()
