#pragma once

// A small synchronous-looking HTTP client over a real QNetworkAccessManager for the demo server's
// tests: it waits on the reply's finished signal (an event loop, no sleeping).

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QUrl>

struct DemoReply {
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    bool finished = false;

    QByteArray header(const QByteArray &name) const {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray jsonArray() const { return QJsonDocument::fromJson(body).array(); }
};

class DemoHttp {
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    QNetworkAccessManager &manager() { return m_manager; }

    DemoReply get(const QUrl &url, const Headers &headers = {}, int timeoutMs = 0) {
        return run(request(url, headers, timeoutMs), "GET", {});
    }
    DemoReply post(const QUrl &url, const QByteArray &contentType, const QByteArray &body,
                   const Headers &headers = {}, int timeoutMs = 0) {
        QNetworkRequest r = request(url, headers, timeoutMs);
        if (!contentType.isEmpty())
            r.setRawHeader("Content-Type", contentType);
        return run(r, "POST", body);
    }
    DemoReply postJson(const QUrl &url, const QJsonObject &object, const Headers &headers = {}) {
        return post(url, "application/json", QJsonDocument(object).toJson(QJsonDocument::Compact), headers);
    }
    DemoReply postForm(const QUrl &url, const QByteArray &body) {
        return post(url, "application/x-www-form-urlencoded", body);
    }

    static QUrl at(const QUrl &base, const QString &route) {
        QUrl url = base;
        url.setPath(base.path() + route);
        return url;
    }

    // The payload of a JWT, decoded without checking anything (the server's own tests check it).
    static QJsonObject claims(const QByteArray &jwt) {
        const QList<QByteArray> parts = jwt.split('.');
        if (parts.size() != 3)
            return {};
        return QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding))
            .object();
    }

private:
    static QNetworkRequest request(const QUrl &url, const Headers &headers, int timeoutMs) {
        QNetworkRequest r(url);
        // The tests look at redirects themselves.
        r.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        if (timeoutMs > 0)
            r.setTransferTimeout(timeoutMs);
        for (const auto &h : headers)
            r.setRawHeader(h.first, h.second);
        return r;
    }

    DemoReply run(const QNetworkRequest &r, const QByteArray &verb, const QByteArray &body) {
        QNetworkReply *reply = m_manager.sendCustomRequest(r, verb, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        DemoReply out;
        out.finished = finished.wait(15000);
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.error = reply->error();
        if (reply->isOpen())
            out.body = reply->readAll();
        out.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return out;
    }

    QNetworkAccessManager m_manager;
};
