"""One campaign at a glance: asks, targets one click away, timeline, outreach so far."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldkit.display import choice_label
from fieldkit.errors import NotFound
from fieldkit.i18n import _, format_date
from fieldkit.text import one_line, printable
from fieldkit.ui.context import AppContext


def link_for(kind: str, value: str) -> QUrl:
    """``tel:`` for a phone or fax number, ``mailto:`` for an email address."""
    compact = "".join(value.split())
    return QUrl(("mailto:" if kind == "email" else "tel:") + compact)


class TargetRow(QWidget):
    """A target official: name, role, and a button per phone, fax and email."""

    def __init__(self, target: dict[str, Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("target")
        self.target = target
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 6)
        who = one_line(target["name"])
        extra = " · ".join(one_line(p) for p in (target.get("title"), target.get("role")) if p)
        self.label = QLabel(f"<b>{_escape(who)}</b><br>{_escape(extra)}")
        self.label.setWordWrap(True)
        outer.addWidget(self.label)
        grid = QGridLayout()
        grid.setColumnStretch(3, 1)
        outer.addLayout(grid)
        self.buttons: dict[str, QPushButton] = {}
        labels = {"phone": _("Phone"), "fax": _("Fax"), "email": _("Email")}
        for kind in ("phone", "fax", "email"):
            value = target.get(kind)
            if not value:
                continue
            row = len(self.buttons)
            open_button = QPushButton(one_line(value))
            open_button.setObjectName(f"open_{kind}")
            open_button.setToolTip(_("Open with the phone or mail program"))
            open_button.clicked.connect(
                lambda _c=False, k=kind, v=value: QDesktopServices.openUrl(link_for(k, v))
            )
            copy_button = QPushButton(_("Copy"))
            copy_button.setObjectName(f"copy_{kind}")
            copy_button.setToolTip(_("Copy to the clipboard"))
            copy_button.clicked.connect(
                lambda _c=False, v=value: QGuiApplication.clipboard().setText(v)
            )
            self.buttons[kind] = open_button
            grid.addWidget(QLabel(labels[kind]), row, 0)
            grid.addWidget(open_button, row, 1)
            grid.addWidget(copy_button, row, 2)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class CampaignDetail(QScrollArea):
    """The right-hand side of the Campaigns page."""

    log_outreach = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("campaignDetail")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.campaign_id = ""
        body = QWidget()
        self.layout_ = QVBoxLayout(body)
        self.title = QLabel()
        self.title.setObjectName("campaignTitle")
        self.title.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setObjectName("campaignSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # a summary is text, never markup
        self.summary.setWordWrap(True)
        self.log_button = QPushButton()
        self.log_button.setObjectName("logOutreach")
        self.log_button.clicked.connect(self.log_outreach)
        self.add_target_button = QPushButton()
        self.add_target_button.setObjectName("addTarget")
        self.add_target_button.clicked.connect(self.add_target)
        self.add_update_button = QPushButton()
        self.add_update_button.setObjectName("addUpdate")
        self.add_update_button.clicked.connect(self.add_update)
        self.dialog: QDialog | None = None
        self.asks_box, self.asks = self._list_box("asks")
        self.targets_box = QGroupBox()
        targets_outer = QVBoxLayout(self.targets_box)
        self.targets_layout = QVBoxLayout()
        targets_outer.addLayout(self.targets_layout)
        targets_outer.addWidget(self.add_target_button)
        self.timeline_box, self.timeline = self._list_box("timeline")
        self.timeline_box.layout().addWidget(self.add_update_button)
        self.outreach_box, self.outreach = self._list_box("outreach")
        for w in (
            self.title,
            self.summary,
            self.log_button,
            self.asks_box,
            self.targets_box,
            self.timeline_box,
            self.outreach_box,
        ):
            self.layout_.addWidget(w)
        self.layout_.addStretch(1)
        self.setWidget(body)
        self.retranslate()
        self.show_campaign("")

    def _list_box(self, name: str) -> tuple[QGroupBox, QListWidget]:
        box = QGroupBox()
        items = QListWidget()
        items.setObjectName(name)
        items.setMaximumHeight(160)
        items.setWordWrap(True)
        QVBoxLayout(box).addWidget(items)
        return box, items

    def retranslate(self) -> None:
        self.log_button.setText(_("&Log outreach…"))
        self.add_target_button.setText(_("Add a &target…"))
        self.add_update_button.setText(_("Add to the &timeline…"))
        self.asks_box.setTitle(_("Asks"))
        self.targets_box.setTitle(_("Target officials"))
        self.timeline_box.setTitle(_("Timeline"))
        self.outreach_box.setTitle(_("Outreach so far"))
        self.show_campaign(self.campaign_id)

    def show_campaign(self, campaign_id: str) -> None:
        self.campaign_id = campaign_id
        try:
            campaign = self.ctx.profile.campaigns.get(campaign_id) if campaign_id else None
        except NotFound:
            campaign = None
        self.log_button.setEnabled(campaign is not None)
        for w in (self.asks_box, self.targets_box, self.timeline_box, self.outreach_box):
            w.setVisible(campaign is not None)
        if campaign is None:
            self.title.setText(_("Choose a campaign in the list."))
            self.summary.setText("")
            return
        profile = self.ctx.profile
        self.title.setText(f"<h2>{_escape(one_line(campaign['title']))}</h2>")
        self.summary.setText(printable(campaign.get("summary") or ""))
        self.asks.clear()
        self.asks.addItems([one_line(ask) for ask in campaign.get("asks") or []])
        while self.targets_layout.count():
            item = self.targets_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.target_rows = [TargetRow(t) for t in profile.targets(campaign_id)]
        for row in self.target_rows:
            self.targets_layout.addWidget(row)
        if not self.target_rows:
            self.targets_layout.addWidget(QLabel(_("No target officials yet.")))
        self.timeline.clear()
        for entry in profile.timeline(campaign_id):
            self.timeline.addItem(f"{format_date(entry['date'])}  {printable(entry['text'])}")
        self.outreach.clear()
        names: dict[str, str] = {}
        for row in profile.outreach.list(
            {"campaign_id": campaign_id}, order_by="date", descending=True, limit=200
        ):
            cid = row["contact_id"]
            if cid not in names:
                try:
                    names[cid] = profile.contacts.get(cid, include_deleted=True)["name"]
                except NotFound:
                    names[cid] = ""
            when, channel = format_date(row["date"]), choice_label(row["channel"])
            parts = [when, channel, one_line(names[cid]), printable(row.get("outcome") or "")]
            self.outreach.addItem("  ".join(p for p in parts if p))

    def add_target(self) -> QDialog:
        from fieldkit.ui.add_target import AddTargetDialog

        self.dialog = AddTargetDialog(self.ctx, self.campaign_id, self)
        self.dialog.open()
        return self.dialog

    def add_update(self) -> QDialog:
        """A dated timeline entry (“bill passed the Senate 97-2”)."""
        import datetime as _dt

        from fieldkit.data import entities as E
        from fieldkit.ui.record_dialog import RecordDialog
        from fieldkit.ui.undo import AddCommand

        preset = {"campaign_id": self.campaign_id, "date": _dt.date.today().isoformat()}
        dialog = RecordDialog(E.CAMPAIGN_UPDATES, self.ctx.ops, parent=self, preset=preset)
        dialog.saved.connect(
            lambda rid, _before, _after: self.ctx.undo.push(
                AddCommand(self.ctx.ops, "campaign_updates", rid)
            )
        )
        self.dialog = dialog
        dialog.open()
        return dialog
