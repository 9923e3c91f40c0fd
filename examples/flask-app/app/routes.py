from flask import Blueprint, jsonify, render_template, request

from . import db
from .models import Item

bp = Blueprint("inventory", __name__)


@bp.route("/")
def index():
    items = Item.query.order_by(Item.name).all()
    return render_template("index.html", items=items)


@bp.route("/api/items", methods=["GET", "POST"])
def items():
    if request.method == "POST":
        data = request.get_json()
        item = Item(sku=data["sku"], name=data["name"], quantity=data.get("quantity", 0))
        db.session.add(item)
        db.session.commit()
        return jsonify(item.to_dict()), 201
    return jsonify([i.to_dict() for i in Item.query.all()])


@bp.route("/api/items/<int:item_id>/adjust", methods=["POST"])
def adjust(item_id):
    item = Item.query.get_or_404(item_id)
    item.quantity += int(request.form["delta"])
    db.session.commit()
    return jsonify(item.to_dict())
