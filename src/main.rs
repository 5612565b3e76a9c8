fn main() {
    crossread::start();
}
