#include "model/requests.hpp"

#include "client/client.hpp"

namespace limber::tray {

Requests::Requests(std::filesystem::path socket, Post post, std::chrono::milliseconds timeout, std::string client_name)
    : socket_(std::move(socket)), post_(std::move(post)), timeout_(timeout), client_name_(std::move(client_name)),
      thread_([this] { run(); })
{
}

Requests::~Requests()
{
    *alive_ = false;
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        queue_.clear();
        if (calling_) calling_->interrupt();
    }
    wake_.notify_all();
    thread_.join();
}

void Requests::send(protocol::Verb verb, protocol::Args args, Done done)
{
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(Job{verb, std::move(args), std::move(done)});
    }
    wake_.notify_one();
}

void Requests::run()
{
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (stopping_) return;
            job = std::move(queue_.front());
            queue_.pop_front();
        }
        Outcome outcome = call(job);
        if (job.done) post_([alive = alive_, done = std::move(job.done), outcome = std::move(outcome)] {
            if (*alive) done(outcome);
        });
    }
}

Outcome Requests::call(const Job& job)
{
    Outcome outcome;
    // A connection lost since the last request (limberd restarted) gets one fresh try.
    for (int attempt = 0; attempt < 2; ++attempt) {
        try {
            if (!client_) {
                client_ = std::make_unique<Client>(socket_, timeout_);
                {
                    std::lock_guard lock(mutex_);
                    calling_ = client_.get();
                    if (stopping_) client_->interrupt();
                }
                client_->call(protocol::Verb::Hello, protocol::HelloArgs{client_name_});
            }
            outcome.reply = client_->call(job.verb, job.args);
            return outcome;
        } catch (const DaemonNotRunning& e) {
            outcome.error = e.what();
            outcome.not_running = true;
            attempt = 1;
        } catch (const ClientError& e) {
            outcome.error = e.what();
        }
        {
            std::lock_guard lock(mutex_);
            calling_ = nullptr;
            if (stopping_) attempt = 1;
        }
        client_.reset();
    }
    return outcome;
}

}  // namespace limber::tray
