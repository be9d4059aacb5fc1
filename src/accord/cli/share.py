"""accord node / partner / agreement / share / inbox / hit / alerts: sharing between nodes."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from accord.app import Actor, App
from accord.cli.context import actor, console, open_app, print_json

node_app = typer.Typer(help="This node's identity and its node-to-node server.")
partner_app = typer.Typer(help="Partner nodes and their public keys.")
agreement_app = typer.Typer(help="Sharing agreements (versioned YAML).")
share_app = typer.Typer(help="Preview and send releases under an agreement.")
hit_app = typer.Typer(help="Hit/no-hit queries to a partner.")
alerts_app = typer.Typer(help="Alerts on watched entities, and the watchlist.")

Json = Annotated[bool, typer.Option("--json", help="Print as JSON.")]
Purpose = Annotated[str, typer.Option("--purpose", help="A purpose the agreement permits.")]
Entities = Annotated[list[str] | None, typer.Option("--entity", "-e", help="Entity id (repeat).")]


def officer(purpose: str = "") -> Actor:
    """The console operator acting as this node's sharing officer."""
    return Actor.console(purpose, frozenset({"analyst", "sharing_officer"}))


@node_app.command("init")
def node_init(
    name: Annotated[str, typer.Option(help="Node name, e.g. uk-bsc.")],
    agency: Annotated[str, typer.Option(help="The agency running this node.")],
    url: Annotated[str, typer.Option(help="Base URL partners reach this node at.")],
    rotate: Annotated[bool, typer.Option(help="Replace the keys of an existing node.")] = False,
) -> None:
    """Create this node's identity: Ed25519 signing and X25519 encryption keys (mode 0600)."""
    with open_app() as app:
        identity = app.sharing.init_node(officer("node set-up"), name, agency, url, rotate)
        console.print(f"node {identity.name} ({identity.agency}) at {identity.base_url}")
        console.print(
            f"signing key {identity.signing_kid}, encryption key {identity.encryption_kid}"
        )


@node_app.command("card")
def node_card() -> None:
    """Print this node's public card (give it to partners for `accord partner add`)."""
    with open_app() as app:
        print_json(app.sharing.identity().card())


@node_app.command("serve")
def node_serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8470,
) -> None:
    """Serve the node-to-node API (POST /node/v1/packages, /batches, /receipts, /hits)."""
    import uvicorn

    from accord.api.node import create_node_api

    with open_app() as app:
        app.sharing.identity()
    uvicorn.run(create_node_api(App()), host=host, port=port, log_level="warning")


@partner_app.command("add")
def partner_add(card: Annotated[Path, typer.Argument(help="The partner's card (JSON).")]) -> None:
    """Register a partner node from its card; a newer card adds rotated keys."""
    with open_app() as app:
        partner = app.sharing.add_partner(officer("partner set-up"), json.loads(card.read_text()))
        console.print(f"partner {partner.name} ({partner.agency}) at {partner.base_url}")


@partner_app.command("revoke")
def partner_revoke(
    partner: Annotated[str, typer.Argument(help="Partner node name.")],
    kid: Annotated[str, typer.Argument(help="Key id to revoke.")],
) -> None:
    """Revoke a partner's key now: packages signed with it are refused from now on."""
    with open_app() as app:
        app.sharing.revoke_key(officer("key revocation"), partner, kid, None)
        console.print(f"revoked {partner} key {kid}")


@partner_app.command("list")
def partner_list(as_json: Json = False) -> None:
    """List partner nodes and their keys."""
    with open_app() as app:
        partners = [p.to_document() for p in app.sharing.partners()]
    if as_json:
        print_json(partners)
        return
    for doc in partners:
        console.print(f"{doc['node']} ({doc['agency']}) {doc['base_url']}: {len(doc['keys'])} keys")


@agreement_app.command("add")
def agreement_add(
    path: Annotated[Path, typer.Argument(help="Agreement YAML.")],
    hit_key: Annotated[str, typer.Option(help="Hit/no-hit key (hex), agreed out of band.")] = "",
) -> None:
    """Check and store an agreement (a newer version replaces the old one)."""
    with open_app() as app:
        agreement = app.sharing.add_agreement(officer("agreement set-up"), path)
        if hit_key:
            app.sharing.install_hit_key(officer("agreement set-up"), agreement.hit.key_ref, hit_key)
        console.print(f"agreement {agreement.id} v{agreement.version} stored")


@agreement_app.command("check")
def agreement_check(path: Annotated[Path, typer.Argument(help="Agreement YAML.")]) -> None:
    """Validate an agreement file; errors name the file and key."""
    with open_app() as app:
        agreement = app.sharing.check_agreement(path)
    console.print(f"{path}: agreement {agreement.id} v{agreement.version} is valid")


@agreement_app.command("show")
def agreement_show(agreement_id: Annotated[str, typer.Argument(help="Agreement id.")]) -> None:
    """Show a stored agreement: parties, purposes, validity, schemata."""
    with open_app() as app:
        a = app.sharing.directory.agreement(agreement_id)
    console.print(f"[bold]{a.title}[/] ({a.id} v{a.version})")
    console.print(f"parties: {', '.join(f'{p.node} ({p.agency})' for p in a.parties)}")
    console.print(f"purposes: {', '.join(a.purposes)}")
    console.print(f"in force {a.valid_from.isoformat()} to {a.valid_until.isoformat()}")
    console.print(f"maximum classification {a.maximum_classification.value}")
    console.print(f"schemata: {', '.join(sorted(a.schemata))}")


def _shared(
    app: App, agreement: str, purpose: str, entities: list[str], query: str
) -> dict[str, Any]:
    release = app.sharing.preview(officer(purpose), agreement, purpose, entities, query)
    return {
        "agreement": release.agreement.id,
        "recipient": release.recipient,
        "statements_shared": len(release.statements),
        "withheld": release.withheld,
        "pending_approval": len(release.pending),
        "victim_statements_shared": release.victims_released,
    }


@share_app.command("preview")
def share_preview(
    agreement: Annotated[str, typer.Argument(help="Agreement id.")],
    purpose: Purpose,
    entity: Entities = None,
    query: Annotated[str, typer.Option(help="Share what this search finds (* for all).")] = "",
    as_json: Json = False,
) -> None:
    """What would leave, statement by statement: shared, withheld by reason, pending approval."""
    with open_app() as app:
        summary = _shared(app, agreement, purpose, entity or [], query)
    _print_summary(summary, as_json)


@share_app.command("send")
def share_send(
    agreement: Annotated[str, typer.Argument(help="Agreement id.")],
    purpose: Purpose,
    entity: Entities = None,
    query: Annotated[str, typer.Option(help="Share what this search finds (* for all).")] = "",
    as_json: Json = False,
) -> None:
    """Release, seal and send to the partner (queued in the outbox if the partner is down)."""
    with open_app() as app:
        sent = app.sharing.send(officer(purpose), agreement, purpose, entity or [], query)
        release = sent.release
        summary = {
            "package": sent.package_id,
            "statements_shared": len(release.statements),
            "withheld": release.withheld,
            "approvals_requested": sent.approvals_requested,
            "victim_statements_shared": release.victims_released,
            **sent.delivery,
        }
    _print_summary(summary, as_json)


@share_app.command("flush")
def share_flush(as_json: Json = False) -> None:
    """Retry the outbox now for partners that are due, and alerts whose webhook was not reached."""
    with open_app() as app:
        _print_summary(app.sharing.flush(officer("delivery")), as_json)


@share_app.command("approve")
def share_approve(
    request: Annotated[int, typer.Argument(help="Approval request number.")],
    reject: Annotated[bool, typer.Option(help="Reject instead of approve.")] = False,
    note: Annotated[str, typer.Option(help="Why.")] = "",
) -> None:
    """Decide a C-coded item waiting for a sharing officer."""
    with open_app() as app:
        app.sharing.decide_approval(officer("approval"), request, not reject, note)
    console.print(f"request {request} {'rejected' if reject else 'approved'}")


@share_app.command("approvals")
def share_approvals(as_json: Json = False) -> None:
    """C-coded items waiting for a sharing officer."""
    with open_app() as app:
        items = [asdict(a) for a in app.sharing.approvals()]
    _print_rows(items, as_json, ("id", "statement_id", "agreement", "partner", "purpose"))


@share_app.command("cosignatures")
def share_cosignatures(
    given: Annotated[
        bool, typer.Option("--given", help="Partners' checkpoints we cosigned, not ours.")
    ] = False,
    as_json: Json = False,
) -> None:
    """Audit checkpoints of ours that partners cosigned (or, --given, theirs we cosigned), each
    verified again offline; --json adds the cosignatures and both public keys."""
    with open_app() as app:
        rows = app.sharing.witness.listing("given" if given else "received")
    _print_rows(rows, as_json, ("partner", "size", "cosigned_at", "verified"))


def inbox(
    limit: Annotated[int, typer.Option(help="At most this many.")] = 50, as_json: Json = False
) -> None:
    """Incoming packages: accepted (with statement counts) or refused (with the reason)."""
    with open_app() as app:
        items = [asdict(r) for r in app.sharing.inbox(limit)]
    _print_rows(items, as_json, ("received_at", "partner", "kind", "outcome", "code", "statements"))


@hit_app.command("query")
def hit_query(
    agreement: Annotated[str, typer.Argument(help="Agreement id.")],
    kind: Annotated[str, typer.Argument(help="phone, document, plate, iban or person.")],
    value: Annotated[str, typer.Argument(help="The identifier, or a person's name.")],
    *,
    birth_date: Annotated[str, typer.Option(help="Date of birth for a person.")] = "",
    watched: Annotated[str, typer.Option(help="Watched entity this query is for.")] = "",
    as_json: Json = False,
) -> None:
    """Ask the partner whether it holds this; a miss reveals nothing to either side."""
    with open_app() as app:
        result = app.sharing.hit_query(
            officer("hit/no-hit"),
            agreement,
            kind,
            value,
            birth_date=birth_date,
            watched_entity=watched,
        )
    _print_summary(
        {
            "partner": result.partner,
            "hit": result.hit,
            "refs": list(result.refs),
            "alerts": result.alerts,
        },
        as_json,
    )


@alerts_app.command("list")
def alerts_list(as_json: Json = False) -> None:
    """Alerts raised when partner data linked to a watched entity."""
    with open_app() as app:
        items = [asdict(a) for a in app.sharing.alerts(actor("alert review"))]
    _print_rows(items, as_json, ("created_at", "case_ref", "watched_entity", "partner", "reason"))


@alerts_app.command("watch")
def alerts_watch(
    entity: Annotated[str, typer.Argument(help="Entity id to watch.")],
    case: Annotated[str, typer.Option(help="Case reference.")],
    webhook: Annotated[str, typer.Option(help="URL to POST alerts to.")] = "",
) -> None:
    """Put an entity on the watchlist for an open case."""
    with open_app() as app:
        app.sharing.watch(actor("case watch"), entity, case, webhook)
    console.print(f"watching {entity} for case {case}")


def _print_summary(summary: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print_json(summary)
        return
    for key, value in summary.items():
        console.print(f"{key}: {value}", highlight=False)


def _print_rows(items: list[dict[str, Any]], as_json: bool, columns: tuple[str, ...]) -> None:
    if as_json:
        print_json(items)
        return
    table = Table(*columns)
    for item in items:
        table.add_row(*(str(item.get(c, "")) for c in columns))
    console.print(table)
    console.print(f"{len(items)} item(s)")


def register(app: typer.Typer) -> None:
    """Add the sharing commands to the `accord` command."""
    app.add_typer(node_app, name="node")
    app.add_typer(partner_app, name="partner")
    app.add_typer(agreement_app, name="agreement")
    app.add_typer(share_app, name="share")
    app.add_typer(hit_app, name="hit")
    app.add_typer(alerts_app, name="alerts")
    app.command("inbox")(inbox)
