"""Incoming batches (accord.sharing.batch): the header is opened and its audit checkpoint judged
and cosigned once; then each package is taken as if it came alone (Receiver.take), in its own
transaction, and answered with its own receipt. A refused header refuses the whole batch."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from accord.app.sharing_receive import InBatch, Reply
from accord.sharing import batch
from accord.sharing.inbox import open_from_partner
from accord.sharing.refusal import PackageRefused

if TYPE_CHECKING:
    from accord.app.sharing import SharingUseCases


class BatchReceiver:
    def __init__(self, uc: SharingUseCases) -> None:
        self.uc = uc
        self.receiver = uc.receiver

    def receive(self, body: bytes) -> Reply:
        now = datetime.now(UTC)
        try:
            context, packages = self._open(body, now)
        except PackageRefused as refused:
            return self.receiver.refuse(body, refused, now)
        replies = [self.receiver.take(token, now, context) for token in packages]
        results = [{"status": r.status, "body": r.body} for r in replies]
        return Reply(200, {"outcome": "batch", "batch": context.package_id, "results": results})

    def _open(self, body: bytes, now: datetime) -> tuple[InBatch, list[bytes]]:
        read = batch.read_body(body, self.uc.limits.max_batch_packages)
        opened, partner = open_from_partner(
            read.header,
            identity=self.uc.identity(),
            registry=self.uc.directory.registry(),
            now=now,
            max_bytes=batch.MAX_HEADER_BYTES,
        )
        batch.check_header(opened.payload, read.packages)
        witnessed = self.uc.witness.judge_opened(opened, partner, batch.ANY_AGREEMENT)
        cosignature = self.uc.witness.cosign(witnessed)
        return InBatch(partner.name, opened.package_id, witnessed, cosignature), read.packages
