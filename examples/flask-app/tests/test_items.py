def test_create_and_list(client):
    resp = client.post("/api/items", json={"sku": "A-1", "name": "Bolt", "quantity": 5})
    assert resp.status_code == 201
    assert client.get("/api/items").get_json()[0]["sku"] == "A-1"
