#pragma once

#include <QEventLoop>
#include <QObject>

#include <functional>
#include <optional>

// Runs the event loop until an asynchronous core call reports, and returns its result. The CLI does one
// thing at a time, so waiting here keeps each command a straight line. `start` gets a context object
// (callbacks are tied to it) and the callback to hand to the core.
template <typename Result>
Result
awaitResult(const std::function<void(QObject *context, std::function<void(const Result &)> done)> &start) {
    QEventLoop loop;
    std::optional<Result> result;
    start(&loop, [&result, &loop](const Result &r) {
        result = r;
        loop.quit();
    });
    while (!result)
        loop.exec();
    return *result;
}
