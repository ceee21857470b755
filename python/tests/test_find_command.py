"""examples/python/dask_pipe.py finds the frnews command when not given its path: the first frnews
on the PATH, else build/tools/frnews of the repository, else it stops with a message."""
import os
import tempfile
import unittest
from unittest import mock

import dask_pipe

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def executable(folder):
    path = os.path.join(folder, "frnews")
    with open(path, "w", encoding="utf-8") as file:
        file.write("#!/bin/sh\n")
    os.chmod(path, 0o755)
    return path


class FindCommandTest(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.addCleanup(self.folder.cleanup)
        self.on_path = os.path.join(self.folder.name, "bin")
        self.built = os.path.join(self.folder.name, "build")
        self.empty = os.path.join(self.folder.name, "empty")
        for folder in (self.on_path, self.built, self.empty):
            os.mkdir(folder)

    def test_the_build_of_this_repository_by_default(self):
        self.assertEqual(os.path.normpath(dask_pipe.BUILT_COMMAND),
                         os.path.join(REPOSITORY, "build", "tools", "frnews"))

    def test_the_path_comes_first(self):
        command = executable(self.on_path)
        with mock.patch.dict(os.environ, {"PATH": self.on_path}), \
                mock.patch.object(dask_pipe, "BUILT_COMMAND", executable(self.built)):
            self.assertEqual(dask_pipe.find_command(), command)

    def test_the_build_when_the_path_has_none(self):
        command = executable(self.built)
        with mock.patch.dict(os.environ, {"PATH": self.empty}), \
                mock.patch.object(dask_pipe, "BUILT_COMMAND", command):
            self.assertEqual(dask_pipe.find_command(), command)

    def test_a_message_when_there_is_none(self):
        with mock.patch.dict(os.environ, {"PATH": self.empty}), \
                mock.patch.object(dask_pipe, "BUILT_COMMAND", os.path.join(self.built, "frnews")), \
                self.assertRaises(SystemExit) as stop:
            dask_pipe.find_command()
        self.assertIn("scripts/build.sh", str(stop.exception.code))


if __name__ == "__main__":
    unittest.main()
