// A bounded hand-off of reusable batches from one producer thread to one consumer
// thread: `slots` batches circulate between a free list and a full list, so the two
// threads overlap (the reader parses batch N+1 while the writer stores batch N), memory
// stays bounded by the slots, and a batch's buffers (strings, vectors) are reused
// instead of reallocated. Either side can stop the other: close() (the producer is
// done) or cancel() (the consumer failed: the producer's next take_free() is nullptr).
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

namespace carbonscope::cluster {

template <typename Batch>
class BatchHandoff {
 public:
  explicit BatchHandoff(std::size_t slots) {
    for (std::size_t i = 0; i < slots; ++i) free_.push_back(std::make_unique<Batch>());
  }

  // Producer: a batch to fill (waits for one), or nullptr once cancelled.
  std::unique_ptr<Batch> take_free() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return cancelled_ || !free_.empty(); });
    if (cancelled_) return nullptr;
    auto b = std::move(free_.front());
    free_.pop_front();
    return b;
  }
  void put_full(std::unique_ptr<Batch> b) {
    {
      std::lock_guard lock(mutex_);
      full_.push_back(std::move(b));
    }
    changed_.notify_all();
  }
  // Producer: nothing more will come.
  void close() {
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
    }
    changed_.notify_all();
  }

  // Consumer: the next full batch (waits for one), or nullptr once closed and drained.
  std::unique_ptr<Batch> take_full() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return closed_ || !full_.empty(); });
    if (full_.empty()) return nullptr;
    auto b = std::move(full_.front());
    full_.pop_front();
    return b;
  }
  void put_free(std::unique_ptr<Batch> b) {
    {
      std::lock_guard lock(mutex_);
      free_.push_back(std::move(b));
    }
    changed_.notify_all();
  }
  // Consumer: stop the producer (it sees nullptr from take_free()).
  void cancel() {
    {
      std::lock_guard lock(mutex_);
      cancelled_ = true;
    }
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<Batch>> free_, full_;
  bool closed_ = false;
  bool cancelled_ = false;
};

}  // namespace carbonscope::cluster
