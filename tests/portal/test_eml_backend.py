from email import message_from_bytes

from django.core.mail import EmailMessage

from portal.mail import EmlFileBackend


def test_each_message_is_written_as_an_eml_file(tmp_path):
    backend = EmlFileBackend(file_path=str(tmp_path))
    sent = backend.send_messages(
        [
            EmailMessage(
                "Votre rapport est prêt", "Bonjour,\nLe rapport est joint.", "portail@example.fr", ["elu@mairie.fr"]
            )
        ]
    )
    files = list(tmp_path.glob("*.eml"))
    assert sent == 1
    assert len(files) == 1
    parsed = message_from_bytes(files[0].read_bytes())
    assert parsed["To"] == "elu@mairie.fr"
    assert "rapport" in parsed.get_payload(decode=True).decode()
